/**
 * Decides how an uploaded or imported file is stored and served. The type comes from the bytes and
 * the extension together, never from what the uploader claims: text-like sources are served as
 * text/plain (never as HTML or script), images only when their magic bytes say so, and everything
 * else as an opaque download (SECURITY.md rows 26–28).
 */
import { crashReportHtml, highlightCode, languageForFileName, readIps } from '../markdown/index.js'

export interface AttachmentFacts {
  contentType: string
  /** True when the file is shown inline on the thread page and served as text/plain. */
  textLike: boolean
  previewHtml: string | null
  lineCount: number
}

const IMAGE_MAGIC: { type: string; bytes: number[] }[] = [
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
]

/** Longest text file rendered into a preview; longer ones stay downloadable only. */
const MAX_PREVIEW_BYTES = 512 * 1024

export function describeAttachment(fileName: string, content: Uint8Array): AttachmentFacts {
  const image = IMAGE_MAGIC.find((m) => m.bytes.every((b, i) => content[i] === b))
  if (image) return { contentType: image.type, textLike: false, previewHtml: null, lineCount: 0 }
  const lang = languageForFileName(fileName)
  const text = lang === null ? null : decodeText(content)
  if (text === null)
    return {
      contentType: 'application/octet-stream',
      textLike: false,
      previewHtml: null,
      lineCount: 0,
    }
  const normalised = text.replace(/\r\n?/g, '\n')
  // An .ips crash report previews as the readable report, its own frames marked, not as its JSON.
  const ips = content.byteLength <= MAX_PREVIEW_BYTES ? readIps(normalised) : null
  if (ips !== null)
    return {
      contentType: 'text/plain; charset=utf-8',
      textLike: true,
      previewHtml: crashReportHtml(ips),
      lineCount: ips.text.split('\n').length,
    }
  const lineCount = normalised === '' ? 0 : normalised.replace(/\n$/, '').split('\n').length
  const previewHtml =
    content.byteLength <= MAX_PREVIEW_BYTES
      ? highlightCode(normalised.replace(/\n$/, ''), lang).html
      : null
  return { contentType: 'text/plain; charset=utf-8', textLike: true, previewHtml, lineCount }
}

/** UTF-8 text without NUL bytes, or null when the bytes are binary. */
function decodeText(content: Uint8Array): string | null {
  if (content.includes(0)) return null
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content)
  } catch {
    return null
  }
}

/**
 * A Content-Disposition value safe for any file name (RFC 6266 / 5987): an ASCII fallback with
 * quotes, backslashes and control characters replaced, and the exact name percent-encoded.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^ -~]|["\\%;]/g, '_').slice(0, 150) || 'file'
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`
}

/** Strips path parts and control characters from an uploaded name; the name is display-only. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = base
    .replace(/[\x00-\x1f\x7f]/g, '')
    .trim()
    .slice(0, 200)
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'file' : cleaned
}
