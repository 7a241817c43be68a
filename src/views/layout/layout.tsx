import type { ComponentChildren } from 'preact'
import { clientCatalogueOf, currentLocale, msg, t } from '../../i18n/index.js'
import type { PageMeta, SiteContext } from '../site.js'
import { EmailBanner } from '../components/email-banner.js'
import { SiteFooter } from './site-footer.js'
import { SiteHeader } from './site-header.js'

export const DEFAULT_DESCRIPTION = msg(
  'Questions and answers for developers of kernels, drivers, file systems and network stacks.',
)

/** "Posts under Kernel tag – Quorum"; the home page (empty title or the site name) is just "Quorum". */
export function documentTitle(site: SiteContext, meta: PageMeta): string {
  return meta.title === '' || meta.title === site.name ? site.name : `${meta.title} – ${site.name}`
}

/**
 * JSON for a `<script type="application/ld+json">` data block. The block is raw text to the HTML parser, so
 * `</script>` inside a string (a thread titled `</script><script>alert(1)</script>`) would end it early:
 * `<`, `>` and `&` are written as JSON escapes (`\u003c`…), which parse back to the same data
 * (SECURITY.md row 21). U+2028/U+2029 are escaped too, so the text is also a valid JavaScript literal.
 *
 * @example serializeJsonLd({ name: '</script>' }) // '{"name":"\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (ch) => JSON_ESCAPES[ch] ?? ch)
}

const JSON_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

function absoluteUrl(site: SiteContext, path: string): string {
  return site.baseUrl.replace(/\/+$/, '') + path
}

function Head({
  site,
  meta,
  structuredData,
}: {
  site: SiteContext
  meta: PageMeta
  structuredData?: object | undefined
}) {
  const title = documentTitle(site, meta)
  const description =
    meta.description ??
    (site.description !== undefined && site.description !== ''
      ? site.description
      : t(DEFAULT_DESCRIPTION))
  const canonical =
    meta.canonicalPath === undefined ? undefined : absoluteUrl(site, meta.canonicalPath)
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <meta name="description" content={description} />
      {meta.noindex === true && <meta name="robots" content="noindex" />}
      {canonical !== undefined && <link rel="canonical" href={canonical} />}
      <meta property="og:site_name" content={site.name} />
      <meta property="og:type" content={meta.ogType ?? 'website'} />
      <meta property="og:title" content={meta.title === '' ? site.name : meta.title} />
      <meta property="og:description" content={description} />
      {canonical !== undefined && <meta property="og:url" content={canonical} />}
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={meta.title === '' ? site.name : meta.title} />
      <meta name="twitter:description" content={description} />
      <meta name="color-scheme" content="light dark" />
      {/* A fixed address: http/plugins/assets.ts serves public/favicon.svg there (the site context
          carries hashed names only for the stylesheet and the script). */}
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href={site.assets.css} />
      {meta.feed !== undefined && (
        <link
          rel="alternate"
          type="application/rss+xml"
          title={meta.feed.title}
          href={meta.feed.href}
        />
      )}
      {structuredData !== undefined && (
        // A data block, never executed, so the CSP (script-src 'self') does not apply to it.
        <script
          type="application/ld+json"
          dangerouslySetInnerHTML={{ __html: serializeJsonLd(structuredData) }}
        />
      )}
      <ClientMessages />
      {/* External module only: the CSP allows no inline script. Islands enhance; pages work without it. */}
      {site.assets.js !== null && <script type="module" src={site.assets.js} />}
    </head>
  )
}

/** The islands' words in the page's language (src/client/lib/i18n.ts); nothing for English. */
function ClientMessages() {
  const messages = clientCatalogueOf(currentLocale())
  if (messages === null) return null
  // A data block like the JSON-LD above, escaped the same way; never executed.
  return (
    <script
      type="application/json"
      id="quorum-messages"
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(messages) }}
    />
  )
}

export interface LayoutProps {
  site: SiteContext
  meta: PageMeta
  /** schema.org data for search engines (QAPage on answered threads), as JSON-LD in the head. */
  structuredData?: object | undefined
  /**
   * The page's live channel as the query of GET /events (`thread=12`, `tag=3`, `home=1`). Pages for a
   * signed-in person always get a stream (their bell); the live-updates island opens it.
   */
  live?: string
  children: ComponentChildren
}

/** The whole HTML document around a page: head, skip link, header, `<main id="main">`, footer. */
export function Layout({ site, meta, structuredData, live, children }: LayoutProps) {
  const liveQuery = live ?? (site.viewer !== null ? '' : undefined)
  return (
    <html lang={currentLocale()}>
      <Head site={site} meta={meta} structuredData={structuredData} />
      <body>
        <a class="skip-link" href="#main">
          {t('Skip to content')}
        </a>
        <SiteHeader site={site} />
        {/* tabindex -1 lets the skip link move focus here in every browser. */}
        <main id="main" class="site-main" tabIndex={-1}>
          <EmailBanner site={site} />
          {typeof site.silenceNotice === 'string' && (
            <div class="standing-banner" role="region" aria-label={t('Your account is silenced')}>
              <p>{site.silenceNotice}</p>
            </div>
          )}
          {children}
        </main>
        {liveQuery !== undefined && (
          <div hidden data-island="live-updates" data-live-url={`/events?${liveQuery}`} />
        )}
        <SiteFooter site={site} />
      </body>
    </html>
  )
}
