import { GENERATED_AVATAR_VERSION, uploadedAvatarUrl } from '../../domain/avatars/index.js'
import { isDeletedUser, type UserRef } from '../../domain/shared/index.js'

/**
 * Where a person's avatar is: the uploaded image when they have one, otherwise the generated drawing;
 * both URLs are versioned so they are cached for good.
 * @example avatarHref({ username: 'quinn_dts', title: null }) // "/avatars/v1/quinn_dts.svg"
 * @example avatarHref({ username: 'ada', title: null, avatar: { userId: 7, version: 2 } }) // "/avatars/u/7/2"
 */
export function avatarHref(user: UserRef): string {
  if (user.avatar) return uploadedAvatarUrl(user.avatar.userId, user.avatar.version)
  return `/avatars/v${GENERATED_AVATAR_VERSION}/${encodeURIComponent(user.username)}.svg`
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
      src={avatarHref(user)}
      width={size}
      height={size}
      alt=""
      loading="lazy"
      decoding="async"
    />
  )
}
