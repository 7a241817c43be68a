import { currentLocale, msg, t, tx } from '../../i18n/index.js'
import { ComposerPreview, MarkdownHint } from '../components/composer-preview.js'
import {
  CsrfField,
  ErrorSummary,
  FormActions,
  formPageTitle,
  TextAreaField,
  TextField,
} from '../components/form-fields.js'
import { formatByteSize } from '../components/byte-size.js'
import { threadHref } from '../components/thread-table.js'
import { ComposerHook } from '../components/draft-notice.js'
import { ASK_LIMITS, type EditValues, type FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'
import { EDIT_REASON_MAX, STAFF_NOTE_MAX } from '../../domain/posts/index.js'

export interface EditPostPageProps {
  site: SiteContext
  post: {
    id: number
    threadId: number
    threadTitle: string
    threadSlug: string
    kind: 'question' | 'reply' | 'comment'
  }
  form: FormState<EditValues>
  /** Sanitised HTML of the body after the "Preview" button; null otherwise. */
  previewHtml: string | null
}

const FIELDS = [
  ['title', 'edit-title'],
  ['body', 'edit-body'],
  ['reason', 'edit-reason'],
  ['staffNote', 'edit-staff-note'],
] as const

const HEADINGS = {
  question: msg('Edit question'),
  reply: msg('Edit reply'),
  comment: msg('Edit comment'),
} as const

/** Where "Back to the thread" goes: the edited post (or comment) on its thread page. */
export function postAnchorHref(post: EditPostPageProps['post']): string {
  const anchor = post.kind === 'comment' ? `comment-${post.id}` : `post-${post.id}`
  return `${threadHref({ id: post.threadId, slug: post.threadSlug })}#${anchor}`
}

/**
 * Edit a question (title and body), a reply or a comment (body). Posts to /posts/:id/edit with
 * intent=preview or intent=save; every save is kept as a revision.
 */
export function EditPostPage({ site, post, form, previewHtml }: EditPostPageProps) {
  const { values, errors } = form
  const heading = t(HEADINGS[post.kind])
  const isComment = post.kind === 'comment'
  return (
    <Layout site={site} meta={{ title: formPageTitle(heading, form), noindex: true }}>
      <div class="form-page form-page-wide">
        <ErrorSummary form={form} fields={FIELDS} />
        <h1>{heading}</h1>
        <p class="lede">
          {tx('In <a>{title}</a>', {
            title: post.threadTitle,
            a: (chunks) => <a href={postAnchorHref(post)}>{chunks}</a>,
          })}
        </p>
        <form class="stacked-form" method="post" action={`/posts/${post.id}/edit`}>
          <CsrfField token={site.csrfToken} />
          {post.kind === 'question' && (
            <TextField
              id="edit-title"
              name="title"
              label={t('Title')}
              hint={t('{min, number} to {max, number} characters.', {
                min: ASK_LIMITS.titleMin,
                max: ASK_LIMITS.titleMax,
              })}
              value={values.title ?? ''}
              error={errors.title}
              required
              minLength={ASK_LIMITS.titleMin}
              maxLength={ASK_LIMITS.titleMax}
            />
          )}
          <TextAreaField
            id="edit-body"
            name="body"
            label={isComment ? t('Comment') : t('Body')}
            hint={
              isComment ? (
                t('Short Markdown, up to {max, number} characters.', { max: ASK_LIMITS.commentMax })
              ) : (
                <MarkdownHint
                  limit={t('Up to {size}.', {
                    size: formatByteSize(ASK_LIMITS.bodyMaxBytes, currentLocale()),
                  })}
                />
              )
            }
            value={values.body}
            error={errors.body}
            rows={isComment ? 4 : 16}
            maxLength={isComment ? ASK_LIMITS.commentMax : undefined}
            maxBytes={isComment ? undefined : ASK_LIMITS.bodyMaxBytes}
            required
            markdown
          />
          <ComposerPreview id="edit" source="body" previewHtml={previewHtml} />
          <TextField
            id="edit-reason"
            name="reason"
            label={t('Reason for the edit (optional)')}
            hint={t('Shown in the edit history. Up to {max, number} characters.', {
              max: EDIT_REASON_MAX,
            })}
            value={values.reason ?? ''}
            error={errors.reason}
            maxLength={EDIT_REASON_MAX}
          />
          {site.viewer !== null && site.viewer.role !== 'member' && (
            <TextField
              id="edit-staff-note"
              name="staffNote"
              label={t('Staff note (optional)')}
              hint={t(
                '{role, select, admin {Shown in the edit history: “Edited by admin {username}: …”. Up to {max, number} characters.} other {Shown in the edit history: “Edited by moderator {username}: …”. Up to {max, number} characters.}}',
                { role: site.viewer.role, username: site.viewer.username, max: STAFF_NOTE_MAX },
              )}
              value={values.staffNote ?? ''}
              error={errors.staffNote}
              maxLength={STAFF_NOTE_MAX}
            />
          )}
          {/* No draft for an edit; the island warns before leaving unsaved changes. */}
          <ComposerHook />
          <FormActions>
            <button class="button button-quiet" type="submit" name="intent" value="preview">
              {t('Preview')}
            </button>
            <button class="button" type="submit" name="intent" value="save">
              {t('Save changes')}
            </button>
            <a class="form-cancel" href={postAnchorHref(post)}>
              {t('Back to the thread')}
            </a>
          </FormActions>
        </form>
      </div>
    </Layout>
  )
}
