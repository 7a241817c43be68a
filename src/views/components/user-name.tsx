import { DELETED_USER_LABEL, isDeletedUser, type UserRef } from '../../domain/shared/index.js'
import { t } from '../../i18n/index.js'

/** Path of a person's profile page. */
export function userHref(username: string): string {
  return `/users/${encodeURIComponent(username)}`
}

/**
 * A username linking to the profile, with the staff title (if any) as a badge beside it:
 * "quinn_dts  DTS Engineer". The space keeps the two apart for screen readers and copy-paste.
 * A deleted account is "deleted user", unlinked.
 */
export function UserName({ user }: { user: UserRef }) {
  // A deleted account has no profile and no name: its posts say "deleted user", with no link.
  if (isDeletedUser(user))
    return <span class="user-name user-deleted">{t(DELETED_USER_LABEL)}</span>
  return (
    <span class="user-name">
      <a class="user-link" href={userHref(user.username)}>
        {user.username}
      </a>
      {user.title !== null && user.title !== '' && (
        <>
          {' '}
          <span class="staff-title">{user.title}</span>
        </>
      )}
    </span>
  )
}
