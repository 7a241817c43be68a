/**
 * Markdown for posts and comments, and code highlighting for fences and attachment previews. Rendering happens
 * when a post is saved; the stored HTML is safe to emit as-is.
 */
export { renderMarkdown, renderInlineMarkdown, isAllowedLinkUrl, USER_LINK_REL } from './render.js'
export {
  highlightCode,
  languageForFileName,
  languageForLabel,
  TEXT_LIKE_EXTENSIONS,
  HIGHLIGHT_LANGUAGES,
  MAX_HIGHLIGHT_CHARS,
  MAX_AUTODETECT_CHARS,
} from './highlight.js'
export { toExcerpt, toPlainText, DEFAULT_EXCERPT_LENGTH } from './excerpt.js'
export {
  readIps,
  readableIpsInMarkdown,
  crashReportHtml,
  ownImagesOf,
  APPLE_FRAMEWORKS,
} from './crash-report.js'
export { rescuePastes, pasteLineKind, RESCUED_INFO } from './pastes.js'
export { MENTION_PATTERN } from './mentions.js'
