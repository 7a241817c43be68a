import type { AttachmentView } from '../../domain/posts/index.js'
import { currentLocale, t } from '../../i18n/index.js'
import { formatByteSize } from './byte-size.js'

/** Previews up to this many lines start open; longer files start folded so a thread stays readable. */
export const OPEN_PREVIEW_MAX_LINES = 30

function AttachmentPreview({ attachment }: { attachment: AttachmentView }) {
  if (attachment.previewHtml === null) return null
  const open = attachment.lineCount <= OPEN_PREVIEW_MAX_LINES
  const values = { name: attachment.fileName, count: attachment.lineCount }
  return (
    <details class="attachment-preview" open={open}>
      <summary>
        {open
          ? t('{name} ({count, plural, one {# line} other {# lines}})', values)
          : t('Show all {count, plural, one {# line} other {# lines}} of {name}', values)}
      </summary>
      {/* Highlighted at write time from escaped source text (see domain/markdown); safe to emit as-is. */}
      {/* Focusable so keyboard users can scroll long lines (WCAG 2.1.1). */}
      <pre class="code" tabIndex={0}>
        <code class="hljs" dangerouslySetInnerHTML={{ __html: attachment.previewHtml }} />
      </pre>
    </details>
  )
}

/** A post's attachments: download link, human size, and for text files an inline preview. */
export function AttachmentList({
  postId,
  attachments,
}: {
  postId: number
  attachments: AttachmentView[]
}) {
  if (attachments.length === 0) return null
  const labelId = `post-${postId}-attachments`
  return (
    <div class="attachments">
      <p class="attachments-label" id={labelId}>
        {t('{count, plural, one {Attachment} other {# attachments}}', {
          count: attachments.length,
        })}
      </p>
      <ul class="attachment-list" aria-labelledby={labelId}>
        {attachments.map((a) => (
          <li key={a.id} class="attachment">
            <div class="attachment-file">
              <a href={a.url} download={a.fileName}>
                {a.fileName}
              </a>{' '}
              <span class="file-size">{formatByteSize(a.size, currentLocale())}</span>
            </div>
            <AttachmentPreview attachment={a} />
          </li>
        ))}
      </ul>
    </div>
  )
}
