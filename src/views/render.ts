import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { DEFAULT_LOCALE, withLocale, type Locale } from '../i18n/index.js'

/**
 * Renders a full page (the `<html>` element from `Layout`) to the string a route sends.
 * Preact escapes every text child and attribute, so user text cannot break out of the markup;
 * the only raw HTML is what views pass through `dangerouslySetInnerHTML` (sanitised at write time).
 * Every `t()` of the render speaks `locale` (i18n/translate.ts).
 * @example reply.type('text/html').send(renderDocument(<TagPage site={site} {...data} />, req.locale))
 */
export function renderDocument(page: VNode, locale: Locale = DEFAULT_LOCALE): string {
  return withLocale(locale, () => '<!doctype html>' + renderToString(page))
}
