/**
 * /posts/:id/flag: why a member flags a post, as radio buttons, and a message for the moderators
 * (required for "needs staff attention"). A plain form: works without JavaScript, comes back filled in.
 */
import {
  FLAG_MESSAGE_MAX,
  FLAG_REASON_LABELS,
  FLAG_REASONS,
  type FlagTarget,
} from '../../domain/moderation/index.js'
import { slugify } from '../../domain/format/index.js'
import { msg, t, tx } from '../../i18n/index.js'
import {
  CsrfField,
  ErrorSummary,
  FieldError,
  FormActions,
  formPageTitle,
  TextAreaField,
} from '../components/form-fields.js'
import { threadHref } from '../components/thread-table.js'
import type { FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface FlagValues {
  reason: string
  message: string
}

export interface FlagPageProps {
  site: SiteContext
  post: FlagTarget
  form: FormState<FlagValues>
}

const FIELDS = [
  ['reason', 'flag-reason-spam'],
  ['message', 'flag-message'],
] as const

const HINTS: Record<(typeof FLAG_REASONS)[number], string> = {
  spam: msg('An advertisement, or links posted for their own sake.'),
  rude: msg('Insults, harassment or hate that a reasonable person would not post.'),
  'off-topic': msg('Not about this question, or not about developing for the platform.'),
  staff: msg('Something else a moderator should see: say what in the message.'),
}

export function FlagPage({ site, post, form }: FlagPageProps) {
  const back = `${threadHref({ id: post.threadId, slug: slugify(post.threadTitle) })}#post-${post.postId}`
  const reasonError = form.errors.reason
  return (
    <Layout site={site} meta={{ title: formPageTitle(t('Flag a post'), form), noindex: true }}>
      <div class="form-page">
        <ErrorSummary form={form} fields={FIELDS} />
        <h1>{t('Flag a post')}</h1>
        <p class="lede">
          {tx(
            '{kind, select, question {The question} reply {The reply} other {The comment}} by {author} in <a>{title}</a>. Moderators see every flag; enough flags hide the post until they decide.',
            {
              kind: post.kind,
              author: <bdi>{post.authorName}</bdi>,
              title: post.threadTitle,
              a: (c) => <a href={back}>{c}</a>,
            },
          )}
        </p>
        <form class="stacked-form" method="post" action={`/posts/${post.postId}/flag`}>
          <CsrfField token={site.csrfToken} />
          <fieldset
            class={reasonError === undefined ? 'field' : 'field has-error'}
            aria-describedby={reasonError === undefined ? undefined : 'flag-reason-error'}
          >
            <legend class="field-label">{t('Why does this post need a moderator?')}</legend>
            <FieldError id="flag-reason" message={reasonError} />
            {FLAG_REASONS.map((reason) => (
              <div class="radio-option">
                <input
                  type="radio"
                  id={`flag-reason-${reason}`}
                  name="reason"
                  value={reason}
                  checked={form.values.reason === reason}
                  required
                  aria-describedby={`flag-reason-${reason}-hint`}
                />{' '}
                <label for={`flag-reason-${reason}`}>{t(FLAG_REASON_LABELS[reason])}</label>
                <p class="field-hint" id={`flag-reason-${reason}-hint`}>
                  {t(HINTS[reason])}
                </p>
              </div>
            ))}
          </fieldset>
          <TextAreaField
            id="flag-message"
            name="message"
            label={t('Message to the moderators')}
            hint={t('Optional, except for “needs staff attention”. Up to {max} characters.', {
              max: FLAG_MESSAGE_MAX,
            })}
            value={form.values.message}
            error={form.errors.message}
            rows={4}
            maxLength={FLAG_MESSAGE_MAX}
          />
          <FormActions>
            <button class="button" type="submit">
              {t('Flag post')}
            </button>
            <a class="form-cancel" href={back}>
              {t('Back to the thread')}
            </a>
          </FormActions>
        </form>
      </div>
    </Layout>
  )
}
