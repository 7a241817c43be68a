import { JSDOM } from 'jsdom'

/** Parses a rendered page so tests query it like a browser would (no scripts run). */
export function parseHtml(html: string): Document {
  return new JSDOM(html).window.document
}

/** Text of the elements matching a selector, whitespace collapsed. */
export function texts(doc: Document | Element, selector: string): string[] {
  return [...doc.querySelectorAll(selector)].map((el) =>
    (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
  )
}
