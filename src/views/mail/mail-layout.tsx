/**
 * The one layout every message uses: a greeting, a few paragraphs, at most one button (the link the
 * message is about, also written out in full), and a footer naming the site. The HTML part is plain:
 * mail programs ignore stylesheets and scripts, so styles are inline and there is no image.
 */
import type { ComponentChildren } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { currentLocale, t } from '../../i18n/index.js'

export interface MailSite {
  name: string
  /** PUBLIC_URL, without a trailing slash. */
  baseUrl: string
}

export interface MailContent {
  subject: string
  greeting: string
  paragraphs: string[]
  action?: { label: string; url: string }
  /** Why the reader got this, and what to do if it was not them. */
  footnote: string
}

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

/** Both parts of a message from its content (in the language of the render: its words come translated). */
export function renderMail(site: MailSite, content: MailContent): RenderedMail {
  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    '-- ',
    content.footnote,
    `${site.name}: ${site.baseUrl}/`,
    '',
  ].join('\n')
  const html = '<!doctype html>' + renderToString(<MailHtml site={site} content={content} />)
  return { subject: content.subject, text, html }
}

const FONT =
  'font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5'

function MailHtml({ site, content }: { site: MailSite; content: MailContent }) {
  return (
    <html lang={currentLocale()}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <title>{content.subject}</title>
      </head>
      <body style={`margin:0;padding:24px;color:#1d1d1f;background:#ffffff;${FONT}`}>
        <p>{content.greeting}</p>
        {content.paragraphs.map((p) => (
          <p>{p}</p>
        ))}
        {content.action && <Action {...content.action} />}
        <Footer>
          {content.footnote}{' '}
          <a href={`${site.baseUrl}/`} style="color:#555">
            {site.name}
          </a>
        </Footer>
      </body>
    </html>
  )
}

function Action({ label, url }: { label: string; url: string }) {
  return (
    <>
      <p>
        <a
          href={url}
          style="display:inline-block;padding:10px 16px;border-radius:6px;background:#0a66c2;color:#ffffff;text-decoration:none;font-weight:600"
        >
          {label}
        </a>
      </p>
      <p style="font-size:13px;color:#555">
        {t('Or open this address:')} <span style="word-break:break-all">{url}</span>
      </p>
    </>
  )
}

function Footer({ children }: { children: ComponentChildren }) {
  return <p style="margin-top:32px;font-size:13px;color:#555">{children}</p>
}
