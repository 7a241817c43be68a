import { GENERATED_AVATAR_VERSION } from '../../domain/avatars/index.js'
import { isDeletedUser, type UserRef } from '../../domain/shared/index.js'

/**
 * Where a person's avatar is: the generated drawing's URL, versioned so it is cached for good.
 * @example avatarHref('quinn_dts') // "/avatars/v1/quinn_dts.svg"
 */
export function avatarHref(username: string): string {
  return `/avatars/v${GENERATED_AVATAR_VERSION}/${encodeURIComponent(username)}.svg`
}

/**
 * A person's avatar, small beside their name: decoration (alt=""), since the name is always next to
 * it. Width and height are set so the page does not move as it loads, and it loads lazily so a cold
 * thread page fetches only the avatars on screen. A deleted account has none.
 */
export function Avatar({ user, size = 24 }: { user: UserRef; size?: number }) {
  if (isDeletedUser(user)) return null
  return (
    <img
      class="avatar"
      src={avatarHref(user.username)}
      width={size}
      height={size}
      alt=""
      loading="lazy"
      decoding="async"
    />
  )
}
