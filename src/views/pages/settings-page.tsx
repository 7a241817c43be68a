import { AVATAR_LIMITS } from '../../domain/avatars/index.js'
import type { UploadedAvatarRef } from '../../domain/shared/index.js'
import { t, tx } from '../../i18n/index.js'
import { Avatar } from '../components/avatar.js'
import {
  CsrfField,
  describedBy,
  ErrorSummary,
  FieldFrame,
  FormActions,
  formPageTitle,
  TextField,
  CurrentPasswordField,
} from '../components/form-fields.js'
import { SettingsNav } from '../components/settings-nav.js'
import { userHref } from '../components/user-name.js'
import type { FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'
import { NEW_PASSWORD_HINT, NEW_PASSWORD_MIN } from './register-page.js'

export interface SettingsPageProps {
  site: SiteContext
  /** Nothing is refilled: both fields are passwords. */
  form: FormState<Record<string, never>>
  /** A success message after a change, such as "Password changed; your other sessions were signed out." */
  notice: string | null
  /** False for an account made through a sign-in provider: the form sets a first password. */
  hasPassword?: boolean
  /** The viewer's uploaded avatar; null or absent: the generated one (the Avatar section says which). */
  avatar?: UploadedAvatarRef | null
}

const FIELDS = [
  ['avatar', 'settings-avatar'],
  ['current_password', 'settings-current-password'],
  ['new_password', 'settings-new-password'],
] as const

/**
 * The avatar section: the current avatar at profile size, a multipart form to upload an image (its
 * limits said in the hint and checked by the file-limit island before sending), and, when one was
 * uploaded, a Remove button back to the generated drawing.
 */
function AvatarSection({
  site,
  avatar,
  error,
}: {
  site: SiteContext
  avatar: UploadedAvatarRef | null
  error: string | undefined
}) {
  const id = 'settings-avatar'
  const kb = AVATAR_LIMITS.bytesMax / 1024
  const max = AVATAR_LIMITS.pixelsMax
  const min = AVATAR_LIMITS.pixelsMin
  return (
    <section aria-labelledby="avatar-heading">
      <h2 id="avatar-heading">{t('Avatar')}</h2>
      {site.viewer !== null && (
        <p class="avatar-current">
          <Avatar user={{ username: site.viewer.username, title: null, avatar }} size={64} />{' '}
          {avatar === null
            ? t('You show the avatar drawn from your name.')
            : t('You show the image you uploaded.')}
        </p>
      )}
      <form
        class="stacked-form"
        method="post"
        action="/settings/avatar"
        encType="multipart/form-data"
      >
        <CsrfField token={site.csrfToken} />
        <FieldFrame
          id={id}
          label={t('Upload an image')}
          hint={t(
            'PNG, JPEG, WebP or GIF, at most {kb} KB, from {min}×{min} to {max}×{max} pixels.',
            { kb, min, max },
          )}
          error={error}
        >
          <input
            id={id}
            type="file"
            name="avatar"
            accept="image/png,image/jpeg,image/webp,image/gif"
            required
            aria-invalid={error !== undefined ? 'true' : undefined}
            aria-describedby={`${describedBy(id, true, error) ?? ''} ${id}-check`.trim()}
            data-island="file-limit"
            data-max-files={1}
            data-max-bytes={AVATAR_LIMITS.bytesMax}
            data-message={`${id}-check`}
          />
          <p id={`${id}-check`} class="field-count field-count-over" aria-live="polite" hidden />
        </FieldFrame>
        <FormActions>
          <button class="button" type="submit">
            {t('Upload avatar')}
          </button>
        </FormActions>
      </form>
      {avatar !== null && (
        <form class="stacked-form" method="post" action="/settings/avatar/remove">
          <CsrfField token={site.csrfToken} />
          <FormActions>
            <button class="button button-quiet" type="submit">
              {t('Remove uploaded avatar')}
            </button>
          </FormActions>
        </form>
      )}
    </section>
  )
}

/**
 * Account settings: the avatar (posts to /settings/avatar and /settings/avatar/remove) and the
 * password (posts to /settings/password).
 */
export function SettingsPage({
  site,
  form,
  notice,
  hasPassword = true,
  avatar = null,
}: SettingsPageProps) {
  const { errors } = form
  const action = hasPassword ? t('Change password') : t('Set a password')
  return (
    <Layout site={site} meta={{ title: formPageTitle(t('Settings'), form), noindex: true }}>
      <div class="form-page">
        <ErrorSummary form={form} fields={FIELDS} />
        {notice !== null && (
          <div class="notice-success" role="status">
            <p>{notice}</p>
          </div>
        )}
        <h1>{t('Settings')}</h1>
        <SettingsNav current="/settings" />
        {site.viewer !== null && (
          <p class="lede">
            {tx('Signed in as {name}.', {
              name: <a href={userHref(site.viewer.username)}>{site.viewer.username}</a>,
            })}
          </p>
        )}
        <AvatarSection site={site} avatar={avatar} error={errors.avatar} />
        <section aria-labelledby="change-password">
          <h2 id="change-password">{action}</h2>
          {!hasPassword && (
            <p>
              {t(
                'This account signs in through a provider and has no password. Set one to sign in with your username too.',
              )}
            </p>
          )}
          <form class="stacked-form" method="post" action="/settings/password">
            <CsrfField token={site.csrfToken} />
            {/* Lets password managers tie the new password to the account. */}
            {site.viewer !== null && (
              <input
                type="hidden"
                name="username"
                value={site.viewer.username}
                autocomplete="username"
              />
            )}
            {hasPassword && (
              <CurrentPasswordField
                id="settings-current-password"
                name="current_password"
                label={t('Current password')}
                error={errors.current_password}
              />
            )}
            <TextField
              id="settings-new-password"
              name="new_password"
              type="password"
              label={t('New password')}
              hint={`${t(NEW_PASSWORD_HINT)} ${t('Your other sessions will be signed out.')}`}
              error={errors.new_password}
              autocomplete="new-password"
              required
              minLength={NEW_PASSWORD_MIN}
            />
            <FormActions>
              <button class="button" type="submit">
                {action}
              </button>
            </FormActions>
          </form>
        </section>
      </div>
    </Layout>
  )
}
