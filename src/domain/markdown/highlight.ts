/**
 * Syntax highlighting for fenced code in posts and for previews of text-like attachments. It runs when a post
 * is saved (DESIGN.md: "highlighting at write time"), so its cost is paid once, but it is still bounded: a huge
 * paste must not stall the request that saves it.
 */
import hljsCore from 'highlight.js/lib/core'
import bash from 'highlight.js/lib/languages/bash'
import c from 'highlight.js/lib/languages/c'
import cpp from 'highlight.js/lib/languages/cpp'
import diff from 'highlight.js/lib/languages/diff'
import json from 'highlight.js/lib/languages/json'
import objectivec from 'highlight.js/lib/languages/objectivec'
import plaintext from 'highlight.js/lib/languages/plaintext'
import python from 'highlight.js/lib/languages/python'
import shell from 'highlight.js/lib/languages/shell'
import swift from 'highlight.js/lib/languages/swift'
import xml from 'highlight.js/lib/languages/xml'

/** The languages we highlight, by the id used in `language-*` classes and `data-lang`. */
export const HIGHLIGHT_LANGUAGES = [
  'c',
  'cpp',
  'objectivec',
  'swift',
  'bash',
  'shell',
  'diff',
  'json',
  'xml',
  'python',
  'plaintext',
] as const
/** One of {@link HIGHLIGHT_LANGUAGES}. */
export type HighlightLanguage = (typeof HIGHLIGHT_LANGUAGES)[number]

/**
 * Fence labels people write, lower-cased, mapped to our language ids. Kept here rather than taken from
 * highlight.js's own alias lists so the accepted labels (and the `data-lang` they produce) are ours to review.
 */
const ALIASES: ReadonlyMap<string, HighlightLanguage> = new Map<string, HighlightLanguage>([
  ...pairs('c', ['c', 'h']),
  ...pairs('cpp', ['cpp', 'c++', 'cc', 'cxx', 'hpp', 'hh', 'hxx', 'h++']),
  ...pairs('objectivec', [
    'objectivec',
    'objective-c',
    'objc',
    'obj-c',
    'm',
    'mm',
    'objective-c++',
    'obj-c++',
  ]),
  ...pairs('swift', ['swift']),
  ...pairs('bash', ['bash', 'sh', 'zsh']),
  ...pairs('shell', ['shell', 'console', 'shellsession']),
  ...pairs('diff', ['diff', 'patch']),
  ...pairs('json', ['json', 'jsonc']),
  ...pairs('xml', ['xml', 'plist', 'html', 'xhtml', 'svg']),
  ...pairs('python', ['python', 'py', 'python3']),
  ...pairs('plaintext', ['plaintext', 'text', 'txt', 'plain', 'log', 'crash', 'ips']),
])

/**
 * Code longer than this is escaped, not highlighted. highlight.js runs at roughly 1–5 µs per character on our
 * grammars (worst seen: `{` repeated, in JSON), so this keeps one block under about half a second.
 */
export const MAX_HIGHLIGHT_CHARS = 100_000

/**
 * Unlabelled code is auto-detected only when shorter than this: detection runs every grammar over the text,
 * and a long unlabelled paste is nearly always a log, which reads best as plain text.
 */
export const MAX_AUTODETECT_CHARS = 2_048
/** Below this highlight.js relevance an auto-detected language is a guess; plain text is then the honest answer. */
const MIN_AUTODETECT_RELEVANCE = 5
const AUTODETECT_LANGUAGES = HIGHLIGHT_LANGUAGES.filter((l) => l !== 'plaintext' && l !== 'shell')

// A private instance: languages registered elsewhere in the process (or a global configure()) cannot change ours.
const hljs = hljsCore.newInstance()
hljs.registerLanguage('c', c)
hljs.registerLanguage('cpp', cpp)
hljs.registerLanguage('objectivec', objectivec)
hljs.registerLanguage('swift', swift)
hljs.registerLanguage('bash', bash)
hljs.registerLanguage('shell', shell)
hljs.registerLanguage('diff', diff)
hljs.registerLanguage('json', json)
hljs.registerLanguage('xml', xml)
hljs.registerLanguage('python', python)
hljs.registerLanguage('plaintext', plaintext)

/** Result of {@link highlightCode}: escaped, highlighted HTML (no wrapper element) and the language used. */
export interface HighlightedCode {
  /** HTML-escaped code with `<span class="hljs-…">` markup; every line break of the input kept. */
  html: string
  /** The language id actually used, always one of {@link HIGHLIGHT_LANGUAGES} (safe in an attribute). */
  lang: HighlightLanguage
}

/**
 * Highlights code for a `<pre><code>` block. `lang` is a fence label or a language id (case-insensitive; see the
 * alias table): an unknown label gives escaped plain text. With `lang` null or empty, short code is
 * auto-detected and anything else is plain text. CRLF and lone CR become LF; every other byte is kept (tabs,
 * trailing newline). The output is always safe HTML: highlight.js escapes what it emits.
 *
 * @example highlightCode('int main(void) { return 0; }\n', 'c').lang // "c"
 * @example highlightCode('<b>', 'rust') // { html: "&lt;b&gt;", lang: "plaintext" }
 */
export function highlightCode(code: string, lang: string | null): HighlightedCode {
  const text = code.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD')
  const language = resolveLanguage(text, lang)
  if (language === 'plaintext' || text.length > MAX_HIGHLIGHT_CHARS) {
    return { html: escapeHtml(text), lang: language }
  }
  return { html: hljs.highlight(text, { language, ignoreIllegals: true }).value, lang: language }
}

/**
 * Maps a fence label or language name to our language id, or null when we do not highlight it.
 *
 * @example languageForLabel('ObjC') // "objectivec"
 * @example languageForLabel('rust') // null
 */
export function languageForLabel(label: string): HighlightLanguage | null {
  return ALIASES.get(label.toLowerCase()) ?? null
}

function resolveLanguage(text: string, lang: string | null): HighlightLanguage {
  if (lang !== null && lang !== '') return languageForLabel(lang) ?? 'plaintext'
  if (text.length > MAX_AUTODETECT_CHARS) return 'plaintext'
  const guess = hljs.highlightAuto(text, [...AUTODETECT_LANGUAGES])
  if (guess.relevance < MIN_AUTODETECT_RELEVANCE || guess.language === undefined) return 'plaintext'
  return languageForLabel(guess.language) ?? 'plaintext'
}

/** File extensions (lower case, no dot) of attachments shown inline as text with a preview. */
export const TEXT_LIKE_EXTENSIONS: readonly string[] = Object.freeze([
  'c',
  'h',
  'cpp',
  'cc',
  'hpp',
  'm',
  'mm',
  'swift',
  'txt',
  'log',
  'crash',
  'ips',
  'panic',
  'spin',
  'diff',
  'patch',
  'json',
  'plist',
  'sh',
  'py',
])

const EXTENSION_LANGUAGES: ReadonlyMap<string, HighlightLanguage> = new Map<
  string,
  HighlightLanguage
>([
  ...pairs('c', ['c', 'h']),
  ...pairs('cpp', ['cpp', 'cc', 'hpp', 'cxx']),
  ...pairs('objectivec', ['m', 'mm']),
  ...pairs('swift', ['swift']),
  ...pairs('bash', ['sh', 'bash', 'zsh']),
  ...pairs('diff', ['diff', 'patch']),
  ...pairs('json', ['json']),
  ...pairs('xml', ['plist', 'xml']),
  ...pairs('python', ['py']),
  ...pairs('plaintext', ['txt', 'log', 'crash', 'ips', 'panic', 'spin']),
])

/**
 * The highlighting language for an attachment, from its file name's extension (case-insensitive; any directory
 * part is ignored), or null when the file is not text we preview.
 *
 * @example languageForFileName('repro.C') // "c"
 * @example languageForFileName('panic-full.ips') // "plaintext"
 * @example languageForFileName('photo.png') // null
 */
export function languageForFileName(fileName: string): HighlightLanguage | null {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
  const dot = base.lastIndexOf('.')
  if (dot <= 0) return null // no extension, or a dot file such as ".zshrc"
  return EXTENSION_LANGUAGES.get(base.slice(dot + 1).toLowerCase()) ?? null
}

function pairs(
  language: HighlightLanguage,
  names: readonly string[],
): Array<[string, HighlightLanguage]> {
  return names.map((name) => [name, language])
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch)
}
