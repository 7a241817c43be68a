/**
 * Markdown → HTML for posts and comments. The HTML is produced when a post is saved, stored, and emitted as-is
 * by the views, so everything that keeps a page safe happens here (SECURITY.md rows 17–23 and 33):
 * - raw HTML is off: `<script>` in a post is text;
 * - link and image URLs come from an allowlist (http, https, mailto, relative), checked after decoding;
 * - every link gets `rel="nofollow ugc noopener noreferrer"` and no `target`;
 * - images become links (no third-party requests from our pages);
 * - code is highlighted here, with the fence's info string reduced to a known language id;
 * - no `style` attributes (the CSP forbids inline styles), headings start at h2, and nesting is capped;
 * - logs, backtraces and code pasted without a fence keep their lines as a code block (pastes.ts).
 */
import MarkdownIt from 'markdown-it'
import type {
  Env,
  MarkdownIt as MarkdownItInstance,
  RendererRule,
  StateCore,
  Token,
} from 'markdown-it'
import { highlightCode } from './highlight.js'
import { linkMentions } from './mentions.js'
import { RESCUED_INFO, rescuePastes } from './pastes.js'
import { crashReportHtml, readableIpsInMarkdown, textCrashReport } from './crash-report.js'

/** The `rel` every link in user content carries: no SEO credit, marked as user content, no `window.opener`. */
export const USER_LINK_REL = 'nofollow ugc noopener noreferrer'

/** URL schemes that may become links. Anything else with a scheme is rendered as text. */
const ALLOWED_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto'])

/**
 * Deepest block or inline nesting markdown-it builds. Posts never need more than a few levels; the cap keeps
 * pathological input (50k nested `>`) linear. Content nested deeper than this is dropped.
 */
const MAX_NESTING = 20

/**
 * Characters deleted before looking for a URL's scheme: whitespace and C0/C1 controls (browsers strip some of
 * them, e.g. `java\tscript:`), NBSP, soft hyphen, zero-width and bidi controls, BOM. Deleting more than a
 * browser does only makes the check stricter.
 */
const IGNORED_URL_CHARS_RE =
  /[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g

/** A fence label we even look up: one word of the characters language names use, e.g. `c++`, `objective-c`, `c#`. */
const LANGUAGE_LABEL_RE = /^[A-Za-z0-9_+.#-]{1,32}$/

/** Options for one render call, carried in markdown-it's per-call `env`. */
interface RenderEnv extends Env {
  /** Render headings as bold paragraphs (comments have no document outline). */
  headingsAsBold?: boolean
}

/**
 * Renders a post body to safe HTML (see the module comment for the rules). Headings render as h2–h6 because the
 * page owns the only `<h1>`. CRLF line endings become LF; code keeps every other byte.
 *
 * @example renderMarkdown('# Panic\n[log](https://a.test)')
 * // '<h2>Panic</h2>\n<p><a href="https://a.test" rel="nofollow ugc noopener noreferrer">log</a></p>\n'
 */
export function renderMarkdown(markdown: string): string {
  return md.render(rescuePastes(readableIpsInMarkdown(markdown)), {} satisfies RenderEnv)
}

/**
 * Renders a short comment: the same rules as {@link renderMarkdown}, except that headings become bold
 * paragraphs, so a comment cannot add to the page's outline.
 *
 * @example renderInlineMarkdown('# really?') // '<p><strong>really?</strong></p>\n'
 */
export function renderInlineMarkdown(markdown: string): string {
  return md.render(rescuePastes(readableIpsInMarkdown(markdown)), {
    headingsAsBold: true,
  } satisfies RenderEnv)
}

/**
 * Parses Markdown with exactly the configuration the renderer uses, for code that needs the token stream
 * (excerpts, plain text for search). Internal to the markdown feature: not re-exported from its index.
 *
 * @example parseMarkdown('*hi*')[1]?.type // "inline"
 */
export function parseMarkdown(markdown: string): Token[] {
  return md.parse(markdown, {})
}

/**
 * Whether a link or image URL may be emitted. An allowlist, not a blocklist (markdown-it's default lets
 * `svg:`-style schemes through): after decoding entities and percent-escapes (as UTF-8, since markdown-it
 * percent-encodes every non-ASCII character before it asks), folding compatibility forms (NFKC: a
 * full-width `ｊ` is a `j`) and deleting whitespace, control and invisible characters (which browsers strip
 * or which hide a scheme from a naive check), the URL must be relative or use http, https or mailto.
 *
 * @example isAllowedLinkUrl('https://a.test') // true
 * @example isAllowedLinkUrl('/threads/1') // true
 * @example isAllowedLinkUrl(' &#106;ava\tscript:alert(1)') // false
 */
export function isAllowedLinkUrl(url: string): boolean {
  let decoded = url
  // A few rounds undo double encoding (`&amp;#106;`, `%256A`); anything deeper than that is not a real link.
  for (let round = 0; round < 3; round++) {
    const next = decodePercent(md.utils.unescapeAll(decoded))
    if (next === decoded) break
    decoded = next
  }
  const compact = decoded.normalize('NFKC').replace(IGNORED_URL_CHARS_RE, '')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]
  return scheme === undefined || ALLOWED_SCHEMES.has(scheme.toLowerCase())
}

function createMarkdownIt(): MarkdownItInstance {
  const instance = new MarkdownIt('commonmark', {
    html: false,
    xhtmlOut: false,
    breaks: false,
    linkify: true,
    typographer: false,
    maxNesting: MAX_NESTING,
  })
  instance.enable(['table', 'strikethrough', 'linkify'])
  // Raw HTML is already off through `html: false`; removing the rules as well means no option change can revive it.
  instance.disable(['html_block', 'html_inline'])
  // Link only explicit http(s):// and mailto: URLs. Fuzzy matching would turn "main.rs", "setup.py", "file.cc" and
  // "git@github.com" (two-letter country TLDs, e-mail lookalikes) into links, which on a code forum is mostly wrong.
  instance.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false })
  instance.linkify.add('ftp:', null).add('//', null)
  instance.validateLink = isAllowedLinkUrl
  instance.core.ruler.push('quorum_block_tokens', adjustBlockTokens)
  instance.core.ruler.push('quorum_mentions', linkMentions)

  const rules = instance.renderer.rules
  rules.link_open = renderLinkOpen
  rules.image = renderImage
  rules.fence = renderFence
  rules.code_block = renderIndentedCode
  rules.heading_open = renderHeadingOpen
  rules.heading_close = renderHeadingClose
  rules.html_block = renderRawHtmlAsText
  rules.html_inline = renderRawHtmlAsText
  return instance
}

/**
 * Token-level adjustments, made once at parse time so excerpts and rendering see the same document:
 * h1 → h2 (the page has exactly one `<h1>`), and table alignment as a class instead of a `style` attribute,
 * which the Content-Security-Policy would block (SECURITY.md row 24).
 */
function adjustBlockTokens(state: StateCore): void {
  for (const token of state.tokens) {
    if ((token.type === 'heading_open' || token.type === 'heading_close') && token.tag === 'h1')
      token.tag = 'h2'
    if (token.type === 'th_open' || token.type === 'td_open') {
      const align = /^text-align:(left|center|right)$/.exec(attr(token, 'style'))?.[1]
      token.attrs = align === undefined ? null : [['class', `align-${align}`]]
    }
  }
}

const renderLinkOpen: RendererRule = (tokens, idx, options, _env, self) => {
  const token = tokens[idx]!
  // A mention links this site's profile page; every other link is the writer's (nofollow ugc).
  if (token.meta?.mention !== true) token.attrSet('rel', USER_LINK_REL)
  return self.renderToken(tokens, idx, options)
}

/**
 * Images render as a link to the image, never as `<img>`: an embedded image is fetched by every reader's browser
 * from wherever the author chose, which leaks readers' IP addresses and visits to that host (tracking pixels)
 * and lets a post change after moderation by swapping the file. A link is fetched only by those who click it.
 * Inside a link (a badge wrapping a URL) the alt text alone is rendered, since links cannot nest.
 */
const renderImage: RendererRule = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!
  const src = attr(token, 'src')
  const alt = self.renderInlineAsText(token.children ?? [], options, env).trim()
  if (isInsideLink(tokens, idx)) return escapeHtml(alt)
  const title = attr(token, 'title')
  const titleAttr = title === '' ? '' : ` title="${escapeHtml(title)}"`
  const label = `Image: ${alt === '' ? src : alt}`
  return `<a href="${escapeHtml(src)}" class="image-link" rel="${USER_LINK_REL}"${titleAttr}>${escapeHtml(label)}</a>`
}

const renderFence: RendererRule = (tokens, idx) => {
  const token = tokens[idx]!
  if (token.info === RESCUED_INFO.code) return renderCode(token.content, null, true)
  return renderCode(token.content, fenceLanguage(token.info), token.info === RESCUED_INFO.log)
}

const renderIndentedCode: RendererRule = (tokens, idx) => renderCode(tokens[idx]!.content, null)

const renderHeadingOpen: RendererRule = (tokens, idx, _options, env) =>
  hasBoldHeadings(env) ? '<p><strong>' : `<${tokens[idx]!.tag}>`

const renderHeadingClose: RendererRule = (tokens, idx, _options, env) =>
  hasBoldHeadings(env) ? '</strong></p>\n' : `</${tokens[idx]!.tag}>\n`

function hasBoldHeadings(env: RenderEnv | undefined): boolean {
  return env?.headingsAsBold === true
}

/** Unreachable while the HTML rules are disabled; if one is ever re-enabled, its HTML still shows as text. */
const renderRawHtmlAsText: RendererRule = (tokens, idx) => escapeHtml(tokens[idx]!.content)

/**
 * The language a fence's info string asks for. Only the first word counts, and only if it looks like a language
 * name, so an info string such as `"><img src=x onerror=…>` can never reach an attribute: it becomes plain text.
 * Returns null for no info string (auto-detection may then apply).
 */
function fenceLanguage(info: string): string | null {
  const first = md.utils.unescapeAll(info).trim().split(/\s+/)[0] ?? ''
  if (first === '') return null
  return LANGUAGE_LABEL_RE.test(first) ? first : 'plaintext'
}

/**
 * Blocks longer than this are folded to their first lines, with "Show all N lines" under them: a
 * <details> whose state the stylesheet reads (public/quorum.css), so it works without JavaScript. The
 * same length the attachment previews fold at (views/components/attachment-list.tsx).
 */
export const CODE_FOLD_LINES = 30

function renderCode(content: string, lang: string | null, rescued = false): string {
  // A crash report (pasted as text, or an .ips read as one) is plain text with the frames of the poster's
  // own images marked, as an attached report's preview is, whatever the fence's label.
  const report = textCrashReport(content)
  const { html, lang: used } =
    report === null
      ? highlightCode(content, lang)
      : { html: crashReportHtml(report), lang: 'plaintext' }
  // `used` is one of our fixed language ids, never user text, so it is safe in both attributes.
  // tabindex="0": a long line makes the block scroll sideways, and keyboard users must be able to scroll it
  // (WCAG 2.1.1; axe scrollable-region-focusable).
  const classes = rescued ? 'code code-rescued' : 'code'
  const pre = `<pre class="${classes}" data-lang="${used}" tabindex="0"><code class="hljs language-${used}">${html}</code></pre>`
  const lines = content.replace(/\n$/, '').split('\n').length
  if (lines <= CODE_FOLD_LINES) return `${pre}\n`
  return `<div class="code-fold">${pre}<details class="code-unfold"><summary><span class="code-unfold-more">Show all ${lines} lines</span><span class="code-unfold-less">Show the first ${CODE_FOLD_LINES} lines</span></summary></details></div>\n`
}

/** A token attribute as a string ('' when absent); markdown-it types attribute values as string | number. */
function attr(token: Token, name: string): string {
  const value = token.attrGet(name)
  return value === null ? '' : String(value)
}

function isInsideLink(tokens: Token[], idx: number): boolean {
  let depth = 0
  for (let i = idx - 1; i >= 0; i--) {
    const type = tokens[i]!.type
    if (type === 'link_close') depth++
    else if (type === 'link_open') {
      if (depth === 0) return true
      depth--
    }
  }
  return false
}

/**
 * Decodes `%XX` escapes as UTF-8 (`%E2%80%8B` is one zero-width space, not three Latin-1 letters), run by
 * run; a run that is not valid UTF-8 is decoded byte by byte instead (decodeURIComponent would throw).
 */
function decodePercent(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      return run.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      )
    }
  })
}

function escapeHtml(text: string): string {
  return md.utils.escapeHtml(text)
}

// Last, so every rule above is initialised when the instance is built. One shared instance: markdown-it keeps
// no per-document state outside `env`, and building it once keeps a render call cheap.
const md = createMarkdownIt()
