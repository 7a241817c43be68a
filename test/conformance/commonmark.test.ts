/**
 * The CommonMark spec's examples (npm `commonmark-spec` 0.31.2, 652 cases) through Quorum's renderer.
 *
 * Quorum renders raw HTML as text on purpose (SECURITY.md 17), so the cases split in two:
 * - Raw-HTML cases: those where the reference renderer (markdown-it's `commonmark` preset) gives different
 *   output with raw HTML on and off: 72 cases. For these the test asserts that nothing from the input came
 *   alive: every element in the output is one Markdown itself makes, with only the attributes Markdown gives
 *   it, and the output equals what CommonMark specifies for the same input with raw HTML off.
 * - Every other case must match the spec's HTML after {@link normalise}, which undoes only the differences
 *   Quorum makes on purpose (docs/quality.md lists them), or be listed in {@link DELIBERATE} with its reason.
 */
import { createRequire } from 'node:module'
import MarkdownIt from 'markdown-it'
import { afterAll, describe, expect, it } from 'vitest'
import { renderMarkdown, USER_LINK_REL } from '../../src/domain/markdown/index.js'
import {
  attrOf,
  childrenOf,
  elementsOf,
  isElement,
  parseFragment,
  serialize,
  type HtmlElement,
  type HtmlNode,
  type HtmlParent,
} from './support/html-tree.js'

interface SpecCase {
  markdown: string
  html: string
  section: string
  number: number
}

const require = createRequire(import.meta.url)
const spec = require('commonmark-spec') as { tests: SpecCase[] }
/** The spec shows tabs as → (U+2192); its own test runner turns them back into tabs. */
const untab = (text: string) => text.replace(/\u2192/g, '\t')
const CASES = spec.tests.map((c) => ({ ...c, markdown: untab(c.markdown), html: untab(c.html) }))

const withHtml = new MarkdownIt('commonmark', { html: true })
const withoutHtml = new MarkdownIt('commonmark', { html: false })
/** A case is about raw HTML when turning raw HTML off changes the reference output. */
const isRawHtmlCase = (c: SpecCase) =>
  withHtml.render(c.markdown) !== withoutHtml.render(c.markdown)

/**
 * Cases that cannot match, because of a choice Quorum makes on purpose. Each is listed with its reason, here
 * and in docs/quality.md; a non-raw case listed here fails the test once it matches again (then remove it).
 */
const NOT_ALLOWLISTED =
  'autolink with a scheme outside the link allowlist (http, https, mailto, relative; SECURITY.md 18): shown as text'
const LINKIFIED =
  'a bare https:// URL in text becomes a link (linkify of explicit http(s) URLs, on purpose)'
const DELIBERATE: ReadonlyMap<number, string> = new Map([
  [596, NOT_ALLOWLISTED], // <irc://foo.bar:2233/baz>
  [598, NOT_ALLOWLISTED], // <a+b+c:d>
  [599, NOT_ALLOWLISTED], // <made-up-scheme://foo,bar>
  [601, NOT_ALLOWLISTED], // <localhost:5001/foo>
  [602, LINKIFIED], // <https://foo.bar/baz bim>: not an autolink (space), but the URL is linkified
  [608, LINKIFIED], // < https://foo.bar >
  [611, LINKIFIED], // https://example.com
  // Raw-HTML case (still checked for live markup): its lines look like pasted code, so the rescue of
  // unfenced pastes (domain/markdown/pastes.ts) fences them, unlike CommonMark's paragraphs.
  [182, 'unfenced code rescued into a code block (pastes.ts), on purpose'], // <![CDATA[ function matchwo…
])

/** Elements CommonMark (plus Quorum's tables and strikethrough) produces from Markdown. */
const MARKDOWN_ELEMENTS = new Set([
  'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'pre', 'code', 'span', 'em', 'strong',
  'a', 'hr', 'br', 's', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
]) // prettier-ignore

/** The attributes each of those elements may carry in Quorum's output. */
const MARKDOWN_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title', 'rel', 'class'],
  ol: ['start'],
  pre: ['class', 'data-lang', 'tabindex'],
  code: ['class'],
  span: ['class'],
  th: ['class'],
  td: ['class'],
}

/**
 * Brings an HTML fragment (the spec's or Quorum's) to a common form, undoing only Quorum's deliberate
 * differences from the reference output:
 * 1. h1 becomes h2 (the page owns the only `<h1>`), so the spec's `<h1>` is read as `<h2>`.
 * 2. Every link carries `rel="nofollow ugc noopener noreferrer"`: removed, after checking it is exactly that.
 * 3. Code blocks are highlighted: the `hljs-*` spans are unwrapped, and the `class`/`data-lang` of `<pre>` and
 *    its `<code>` are dropped (the spec's `language-ruby` becomes one of our language ids or plaintext).
 * 4. Images render as a link to the image (no third-party requests from our pages): the spec's
 *    `<img src alt title>` becomes `<a href class="image-link" title>Image: alt</a>` (the URL when alt is
 *    empty), or just its alt text inside a link, since links cannot nest.
 * Then, as the spec's own runner (`test/normalize.py`) does, whitespace-only text next to a block element is
 * dropped (`<blockquote>\n</blockquote>` equals `<blockquote></blockquote>`), and both sides are serialised by
 * parse5, which settles entity spelling (`&#39;` vs `'`), with attributes sorted by name.
 */
export function normalise(html: string, side: 'spec' | 'quorum'): string {
  const root = parseFragment(html)
  const rewrite = (parent: HtmlParent) => {
    const next: HtmlNode[] = []
    for (const node of childrenOf(parent)) {
      if (!isElement(node)) {
        next.push(node)
        continue
      }
      if (side === 'spec' && node.tagName === 'h1') rename(node, 'h2')
      if (side === 'spec' && node.tagName === 'img') {
        next.push(imageAsQuorumRendersIt(node))
        continue
      }
      if (node.tagName === 'a' && side === 'quorum') {
        expect(attrOf(node, 'rel')).toBe(USER_LINK_REL)
        node.attrs = node.attrs.filter((a) => a.name !== 'rel')
      }
      if (node.tagName === 'pre') {
        node.attrs = []
        for (const code of childrenOf(node).filter(isElement)) code.attrs = []
      }
      if (node.tagName === 'span' && side === 'quorum' && insidePre(node)) {
        rewrite(node)
        next.push(...childrenOf(node))
        continue
      }
      rewrite(node)
      next.push(node)
    }
    const kept = dropWhitespaceAroundBlocks(parent, next) as HtmlParent['childNodes']
    for (const child of kept) child.parentNode = parent
    parent.childNodes = kept
  }
  rewrite(root)
  for (const el of elementsOf(root)) el.attrs.sort((a, b) => a.name.localeCompare(b.name))
  return serialize(root)
}

/** Block-level elements: whitespace between them and their siblings is not content. */
const BLOCK_ELEMENTS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'pre', 'hr', 'table', 'thead',
  'tbody', 'tr', 'th', 'td',
]) // prettier-ignore

function dropWhitespaceAroundBlocks(parent: HtmlParent, nodes: HtmlNode[]): HtmlNode[] {
  if (isElement(parent as HtmlNode) && (parent as HtmlElement).tagName === 'pre') return nodes
  const isBlock = (n: HtmlNode | undefined) =>
    n !== undefined && isElement(n) && BLOCK_ELEMENTS.has(n.tagName)
  return nodes.filter((node, i) => {
    if (node.nodeName !== '#text' || !/^\s*$/.test((node as { value: string }).value)) return true
    const [prev, next] = [nodes[i - 1], nodes[i + 1]]
    return !(isBlock(prev) || isBlock(next) || (prev === undefined && next === undefined))
  })
}

function rename(el: HtmlElement, tag: string) {
  el.tagName = tag
  el.nodeName = tag
}

function insidePre(el: HtmlElement): boolean {
  for (
    let p: HtmlParent | null = el.parentNode;
    p && isElement(p as HtmlNode);
    p = (p as HtmlElement).parentNode
  ) {
    if ((p as HtmlElement).tagName === 'pre') return true
  }
  return false
}

function insideLink(el: HtmlElement): boolean {
  for (
    let p: HtmlParent | null = el.parentNode;
    p && isElement(p as HtmlNode);
    p = (p as HtmlElement).parentNode
  ) {
    if ((p as HtmlElement).tagName === 'a') return true
  }
  return false
}

function imageAsQuorumRendersIt(img: HtmlElement): HtmlNode {
  const src = attrOf(img, 'src') ?? ''
  const alt = (attrOf(img, 'alt') ?? '').trim()
  const title = attrOf(img, 'title')
  const text = (value: string): HtmlNode =>
    parseFragment(escapeText(value)).childNodes[0] ?? parseFragment(' ').childNodes[0]!
  if (insideLink(img)) return alt === '' ? (parseFragment('').childNodes[0] ?? text('')) : text(alt)
  const titleAttr = title === undefined ? '' : ` title="${escapeText(title)}"`
  const html = `<a href="${escapeText(src)}" class="image-link"${titleAttr}>${escapeText(`Image: ${alt === '' ? src : alt}`)}</a>`
  return parseFragment(html).childNodes[0]!
}

function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** Problems that would make a raw-HTML case's output live: foreign elements or attributes. */
function liveMarkup(html: string): string[] {
  const problems: string[] = []
  for (const el of elementsOf(parseFragment(html))) {
    if (!MARKDOWN_ELEMENTS.has(el.tagName)) problems.push(`<${el.tagName}>`)
    const allowed = MARKDOWN_ATTRIBUTES[el.tagName] ?? []
    for (const a of el.attrs)
      if (!allowed.includes(a.name)) problems.push(`<${el.tagName} ${a.name}>`)
    if (el.tagName === 'a' && attrOf(el, 'rel') !== USER_LINK_REL)
      problems.push('<a> without the user-content rel')
  }
  return problems
}

const tally = { pass: 0, deliberate: 0, raw: 0 }

describe('CommonMark 0.31.2 spec examples through renderMarkdown', () => {
  afterAll(() => {
    const rawTotal = CASES.filter(isRawHtmlCase).length
    console.log(
      `CommonMark: ${tally.pass}/${CASES.length} pass, ${tally.raw} raw-HTML cases escaped` +
        ` (of ${rawTotal}), ${tally.deliberate} deliberate differences`,
    )
  })

  it('has the 652 examples of spec 0.31.2', () => {
    expect(CASES).toHaveLength(652)
  })

  describe.each(CASES.filter((c) => !isRawHtmlCase(c)))('example $number ($section)', (c) => {
    it('matches the spec after normalising deliberate differences', () => {
      const actual = normalise(renderMarkdown(c.markdown), 'quorum')
      const expected = normalise(c.html, 'spec')
      const reason = DELIBERATE.get(c.number)
      if (reason !== undefined) {
        expect(actual, `example ${c.number} now passes: remove it from DELIBERATE`).not.toBe(
          expected,
        )
        tally.deliberate++
        return
      }
      expect(actual, `markdown: ${JSON.stringify(c.markdown)}`).toBe(expected)
      tally.pass++
    })
  })

  describe.each(CASES.filter(isRawHtmlCase))('raw-HTML example $number ($section)', (c) => {
    it('renders the HTML as text: no live element or attribute, as CommonMark does with raw HTML off', () => {
      const html = renderMarkdown(c.markdown)
      expect(liveMarkup(html), `markdown: ${JSON.stringify(c.markdown)}`).toEqual([])
      const reason = DELIBERATE.get(c.number)
      const reference = normalise(withoutHtml.render(c.markdown), 'spec')
      if (reason === undefined) expect(normalise(html, 'quorum')).toBe(reference)
      else tally.deliberate++
      tally.raw++
    })
  })
})
