import { currentLocale, t } from '../../i18n/index.js'
import { ASK_LIMITS, type FormState } from '../forms.js'
import { formatByteSize } from './byte-size.js'
import { ComposerPreview, MarkdownHint } from './composer-preview.js'
import { ComposerHook } from './draft-notice.js'
import { CsrfField, ErrorSummary, FormActions, TextAreaField } from './form-fields.js'

export interface ReplyFormProps {
  threadId: number
  csrfToken: string | null
  /** A reply that failed validation without JavaScript: refilled, with the message by the field. */
  form?: FormState<{ body: string }>
  /** The person's saved draft of this reply, when there is no failed form to refill. */
  draftBody?: string
}

/**
 * The plain reply form: posts Markdown (`body`) to /threads/:id/replies with the CSRF token and works
 * without JavaScript. The reply-form island posts it with fetch and inserts the new reply in place;
 * the composer-preview island previews it live.
 */
export function ReplyForm({ threadId, csrfToken, form, draftBody }: ReplyFormProps) {
  return (
    <form
      class="reply-form"
      id="reply"
      method="post"
      action={`/threads/${threadId}/replies`}
      data-island="reply-form"
    >
      <CsrfField token={csrfToken} />
      {form !== undefined && (
        <ErrorSummary form={form} fields={[['body', 'reply-body']]} id="reply-error-summary" />
      )}
      <TextAreaField
        id="reply-body"
        name="body"
        label={t('Your reply')}
        hint={
          <MarkdownHint
            limit={t('Up to {size}; attach longer logs to a question.', {
              size: formatByteSize(ASK_LIMITS.bodyMaxBytes, currentLocale()),
            })}
          />
        }
        value={form?.values.body ?? draftBody}
        error={form?.errors.body}
        rows={8}
        required
        markdown
        maxBytes={ASK_LIMITS.bodyMaxBytes}
      />
      <ComposerPreview id="reply" source="body" previewHtml={null} headingLevel={3} />
      <ComposerHook draft={threadId} />
      <FormActions>
        <button class="button" type="submit">
          {t('Post reply')}
        </button>
      </FormActions>
    </form>
  )
}
