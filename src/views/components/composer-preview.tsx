/**
 * The preview under a Markdown composer. Without JavaScript it shows what the server rendered for the
 * "Preview" button (and is absent until then); with JavaScript the composer-preview island fills the
 * same box while the person types, and announces updates through the separate live region.
 */
import { t, tx } from '../../i18n/index.js'

export interface ComposerPreviewProps {
  /** Prefix for the ids on this page, such as "ask". */
  id: string
  /** Name of the textarea in the same form that the island previews. */
  source: string
  /** Sanitised HTML the server rendered for the Preview button; null before any preview. */
  previewHtml: string | null
  /** Heading level inside the form's page (2 on form pages, 3 inside a thread's reply area). */
  headingLevel?: 2 | 3
}

export function ComposerPreview({
  id,
  source,
  previewHtml,
  headingLevel = 2,
}: ComposerPreviewProps) {
  const headingId = `${id}-preview-heading`
  const statusId = `${id}-preview-status`
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <>
      <section
        class="preview-panel"
        id={`${id}-preview`}
        aria-labelledby={headingId}
        hidden={previewHtml === null}
      >
        <Heading class="preview-title" id={headingId}>
          {t('Preview')}
        </Heading>
        {/* previewHtml is rendered from Markdown with raw HTML off and sanitised by the server
            (domain/markdown), exactly as a saved post is, so it is emitted as-is. */}
        <div
          class="preview-body prose"
          data-island="composer-preview"
          data-source={source}
          data-status={statusId}
          dangerouslySetInnerHTML={{ __html: previewHtml ?? '' }}
        />
      </section>
      {/* Outside the (initially hidden) panel so it is in the accessibility tree before it speaks. */}
      <p class="visually-hidden" id={statusId} aria-live="polite" />
    </>
  )
}

/** The hint under a Markdown body field; `limit` is a sentence already in the page's language. */
export function MarkdownHint({ limit }: { limit?: string }) {
  return (
    <>
      {tx(
        'Markdown. Fence code, logs and crash reports with <code>```</code> on their own lines (name the language: <code>```c</code>) so every line break survives.',
        { code: (c) => <code>{c}</code> },
      )}
      {limit !== undefined && ` ${limit}`}
    </>
  )
}
