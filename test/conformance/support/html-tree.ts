/**
 * A real HTML parser (parse5, the WHATWG algorithm browsers use) for the conformance and XSS suites:
 * walking the tree a page really builds, and a static detector of anything that could run script.
 * Regular expressions over HTML miss what the parser does with broken markup; this does not.
 */
import { parse, parseFragment, serialize, type DefaultTreeAdapterMap } from 'parse5'

export type HtmlNode = DefaultTreeAdapterMap['node']
export type HtmlElement = DefaultTreeAdapterMap['element']
export type HtmlParent = DefaultTreeAdapterMap['parentNode']
export type HtmlDocument = DefaultTreeAdapterMap['document']

export { parse as parseDocument, parseFragment, serialize }

export function isElement(node: HtmlNode): node is HtmlElement {
  return 'tagName' in node
}

/** Children of a node, including the content of a `<template>` (which parse5 keeps apart). */
export function childrenOf(node: HtmlNode): HtmlNode[] {
  const own = 'childNodes' in node ? node.childNodes : []
  if (isElement(node) && node.tagName === 'template') {
    const content = (node as HtmlElement & { content?: HtmlParent }).content
    return content ? [...own, ...content.childNodes] : own
  }
  return own
}

/** Every element under `root`, in document order. */
export function elementsOf(root: HtmlNode): HtmlElement[] {
  const out: HtmlElement[] = []
  const stack: HtmlNode[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (isElement(node)) out.push(node)
    stack.push(...childrenOf(node).slice().reverse())
  }
  return out
}

export function attrOf(el: HtmlElement, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value
}

/** The text a node holds (what `textContent` returns). */
export function textOf(node: HtmlNode): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value
  return childrenOf(node).map(textOf).join('')
}

/** Attributes whose value a browser treats as a URL it may navigate to, fetch or run. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'codebase',
  'cite',
  'srcset',
  'ping',
  'lowsrc',
  'dynsrc',
])

/** Elements that must never come out of user content: they run code, load documents or restyle the page. */
const HAZARDOUS_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'style',
  'svg',
  'math',
  'portal',
  'noscript',
  'template',
  'img',
  'video',
  'audio',
  'source',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'meta',
  'link',
  'xmp',
  'plaintext',
  'isindex',
  'marquee',
])

/**
 * True when a URL would run script or render attacker HTML in our origin: `javascript:`, `vbscript:` or
 * `data:text/html` (also `data:image/svg+xml`), after removing what browsers ignore in a scheme (ASCII
 * whitespace and control characters, anywhere) and ignoring case.
 */
export function isScriptingUrl(value: string): boolean {
  // Browsers strip these from a URL before reading the scheme.
  const compact = value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase()
  return (
    /^(javascript|vbscript|livescript):/.test(compact) ||
    /^data:(text\/html|image\/svg|application\/xhtml|text\/xml|application\/xml)/.test(compact)
  )
}

export interface Hazard {
  element: string
  what: string
}

export interface HazardOptions {
  /**
   * Elements the page itself may contain (its own `<head>`, forms and module script); hazards are then
   * looked for everywhere, but these element names are not reported merely for existing.
   */
  allowElement?: (el: HtmlElement) => boolean
}

/**
 * Everything in a tree that could run script or inject active content: hazardous elements, `on*` event
 * handler attributes, scripting URLs in any URL attribute, inline `style` attributes (the CSP forbids them),
 * and `srcdoc`. An empty list means the markup is inert.
 */
export function findHazards(root: HtmlNode, options: HazardOptions = {}): Hazard[] {
  const hazards: Hazard[] = []
  for (const el of elementsOf(root)) {
    const name = el.tagName
    if (HAZARDOUS_ELEMENTS.has(name) && !(options.allowElement?.(el) ?? false)) {
      hazards.push({ element: name, what: `<${name}> element` })
    }
    for (const { name: attr, value } of el.attrs) {
      const lower = attr.toLowerCase()
      if (lower.startsWith('on')) hazards.push({ element: name, what: `${attr}="${value}"` })
      else if (lower === 'style') hazards.push({ element: name, what: `style="${value}"` })
      else if (lower === 'srcdoc') hazards.push({ element: name, what: 'srcdoc attribute' })
      else if (URL_ATTRIBUTES.has(lower) && isScriptingUrl(value))
        hazards.push({ element: name, what: `${attr}="${value}"` })
      else if (lower === 'http-equiv' && value.toLowerCase() === 'refresh')
        hazards.push({ element: name, what: 'meta refresh' })
    }
  }
  return hazards
}

/**
 * What a Quorum page may contain of the elements {@link findHazards} reports, outside user content: its head
 * (meta, link, the external module script and JSON-LD data blocks), its own images from /assets/, the
 * generated avatars, and its forms
 * (search, reply, sign out).
 */
export function pageChromeAllowed(el: HtmlElement): boolean {
  switch (el.tagName) {
    case 'meta':
    case 'link':
      return true
    case 'script': {
      const type = attrOf(el, 'type') ?? ''
      if (type === 'application/ld+json') return el.attrs.length === 1
      return (
        type === 'module' &&
        (attrOf(el, 'src') ?? '').startsWith('/assets/') &&
        childrenOf(el).length === 0
      )
    }
    case 'img': {
      // Its own files, and the generated avatars it draws from usernames (routes/pages/avatars.ts).
      const src = attrOf(el, 'src') ?? ''
      return src.startsWith('/assets/') || /^\/avatars\/v\d+\/[A-Za-z0-9_.%-]+\.svg$/.test(src)
    }
    case 'form':
    case 'input':
    case 'button':
    case 'textarea':
    case 'select':
      return true
    default:
      return false
  }
}
