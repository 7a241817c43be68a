import type { TagSummary } from '../../domain/tags/index.js'
import { t, tx } from '../../i18n/index.js'
import { formatByteSize } from '../components/byte-size.js'
import { ComposerPreview, MarkdownHint } from '../components/composer-preview.js'
import {
  CsrfField,
  describedBy,
  ErrorSummary,
  FieldFrame,
  FormActions,
  formPageTitle,
  hasProblems,
  TextAreaField,
  TextField,
} from '../components/form-fields.js'
import { ComposerHook, DraftNotice } from '../components/draft-notice.js'
import { SimilarThreadsBox } from '../components/similar-threads.js'
import { ASK_LIMITS, type AskValues, type FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface AskPageProps {
  site: SiteContext
  form: FormState<AskValues>
  /** The tags a question may use, shown as help under the tags field. */
  tags: TagSummary[]
  /** Sanitised HTML of the body after the "Preview" button; null otherwise. */
  previewHtml: string | null
  /** When the form was refilled from the person's saved draft: when it was saved (epoch ms). */
  draftSavedAt?: number | null
}

const FIELDS = [
  ['title', 'ask-title'],
  ['body', 'ask-body'],
  ['tags', 'ask-tags'],
  ['attachments', 'ask-attachments'],
] as const

/** Extensions shown inline on the thread page; the hint names a few that readers recognise. */
const INLINE_EXAMPLES = '.c .h .log .crash .ips .diff'

function TagHelp({ tags }: { tags: TagSummary[] }) {
  if (tags.length === 0) return null
  return (
    <details class="tag-help">
      <summary>{t('Available tags ({count, number})', { count: tags.length })}</summary>
      <ul class="tag-choices">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <code>{tag.slug}</code> {tag.name !== tag.slug && <span>{tag.name}</span>}
            {tag.description !== '' && <span class="muted"> – {tag.description}</span>}
          </li>
        ))}
      </ul>
    </details>
  )
}

function AttachmentsField({ error, chooseAgain }: { error?: string; chooseAgain: boolean }) {
  const id = 'ask-attachments'
  const hint = (
    <>
      {t(
        'Up to {count} files, {size} each. Text files such as {examples} are shown inline; others are offered as downloads.',
        {
          count: ASK_LIMITS.attachmentsMax,
          size: formatByteSize(ASK_LIMITS.attachmentBytesMax),
          examples: INLINE_EXAMPLES,
        },
      )}
      {chooseAgain &&
        ` ${t('Browsers do not keep chosen files when a form comes back: choose them again.')}`}
    </>
  )
  return (
    <FieldFrame id={id} label={t('Attachments (optional)')} hint={hint} error={error}>
      <input
        id={id}
        type="file"
        name="attachments"
        multiple
        aria-invalid={error !== undefined ? 'true' : undefined}
        aria-describedby={`${describedBy(id, true, error) ?? ''} ${id}-check`.trim()}
        data-island="file-limit"
        data-max-files={ASK_LIMITS.attachmentsMax}
        data-max-bytes={ASK_LIMITS.attachmentBytesMax}
        data-message={`${id}-check`}
      />
      <p id={`${id}-check`} class="field-count field-count-over" aria-live="polite" hidden />
    </FieldFrame>
  )
}

/**
 * "Redact before posting": hidden until its island runs (it needs the browser: nothing is sent to the
 * server to look for personal details), then a button that lists what it finds in the question.
 */
function RedactCheck({ source }: { source: string }) {
  return (
    <section class="redact-check" data-island="redact-check" data-source={source} hidden>
      <button class="button button-quiet" type="button" data-redact-check>
        {t('Check for personal details')}
      </button>
      <span class="field-hint">
        {' '}
        {t(
          'User names in paths, serial numbers, UDIDs, email addresses and host names in pasted logs.',
        )}
      </span>
      <div data-redact-results aria-live="polite" />
    </section>
  )
}

/**
 * Ask a question: title, Markdown body, tags and attachments. Posts multipart to /ask; the "Preview"
 * button (intent=preview) returns this page with `previewHtml`, so preview works without JavaScript,
 * and the composer-preview island previews live while typing.
 */
export function AskPage({ site, form, tags, previewHtml, draftSavedAt = null }: AskPageProps) {
  const { values, errors } = form
  return (
    <Layout
      site={site}
      meta={{
        title: formPageTitle(t('Ask a question'), form),
        // The empty form is an entry page (anonymous visitors are sent to sign in first); a preview
        // or a refused post shows someone's text and stays out of indexes.
        noindex: hasProblems(form) || previewHtml !== null,
        canonicalPath: '/ask',
      }}
    >
      <div class="form-page form-page-wide">
        <ErrorSummary form={form} fields={FIELDS} />
        <h1>{t('Ask a question')}</h1>
        {draftSavedAt !== null && (
          <DraftNotice
            savedAt={draftSavedAt}
            now={site.now}
            threadId={null}
            csrfToken={site.csrfToken}
          />
        )}
        <form class="stacked-form" method="post" action="/ask" encType="multipart/form-data">
          <CsrfField token={site.csrfToken} />
          <TextField
            id="ask-title"
            name="title"
            label={t('Title')}
            hint={t(
              '{min} to {max} characters. Say what fails and where, e.g. "ENOBUFS from sendto on a busy UDP socket".',
              { min: ASK_LIMITS.titleMin, max: ASK_LIMITS.titleMax },
            )}
            value={values.title}
            error={errors.title}
            required
            minLength={ASK_LIMITS.titleMin}
            maxLength={ASK_LIMITS.titleMax}
          />
          <TextAreaField
            id="ask-body"
            name="body"
            label={t('Question')}
            hint={
              <MarkdownHint
                limit={t('Up to {size}; attach longer logs.', {
                  size: formatByteSize(ASK_LIMITS.bodyMaxBytes),
                })}
              />
            }
            value={values.body}
            error={errors.body}
            rows={16}
            required
            markdown
            maxBytes={ASK_LIMITS.bodyMaxBytes}
          />
          <ComposerPreview id="ask" source="body" previewHtml={previewHtml} />
          <RedactCheck source="ask-body" />
          <SimilarThreadsBox endpoint="/ask/similar" />
          <TextField
            id="ask-tags"
            name="tags"
            label={t('Tags')}
            hint={
              <>
                {tx(
                  '{min} to {max} tags by name or slug, separated by commas, e.g. <code>Kernel, Network Extension</code>.',
                  {
                    min: ASK_LIMITS.tagsMin,
                    max: ASK_LIMITS.tagsMax,
                    code: (c) => <code>{c}</code>,
                  },
                )}
              </>
            }
            value={values.tags}
            error={errors.tags}
            autocapitalize="none"
            spellcheck={false}
            required
            list="ask-tag-names"
            island="tag-suggest"
          />
          <datalist id="ask-tag-names">
            {tags.map((tag) => (
              <option key={tag.slug} value={tag.name} />
            ))}
          </datalist>
          <TagHelp tags={tags} />
          <AttachmentsField
            error={errors.attachments}
            chooseAgain={hasProblems(form) || previewHtml !== null}
          />
          <ComposerHook draft="ask" />
          <FormActions>
            {/* Preview comes first so Enter in the title field previews rather than posts. */}
            <button class="button button-quiet" type="submit" name="intent" value="preview">
              {t('Preview')}
            </button>
            <button class="button" type="submit" name="intent" value="post">
              {t('Post question')}
            </button>
          </FormActions>
        </form>
      </div>
    </Layout>
  )
}
