import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'

/**
 * Renders a full page (the `<html>` element from `Layout`) to the string a route sends.
 * Preact escapes every text child and attribute, so user text cannot break out of the markup;
 * the only raw HTML is what views pass through `dangerouslySetInnerHTML` (sanitised at write time).
 * @example reply.type('text/html').send(renderDocument(<TagPage site={site} {...data} />))
 */
export function renderDocument(page: VNode): string {
  return '<!doctype html>' + renderToString(page)
}
