/**
 * What an uploaded image is, read from its first bytes only: the magic bytes decide the type (the file
 * name and the Content-Type the browser sent count for nothing), and the header gives the size in
 * pixels without decoding the image. Four raster types are known (PNG, JPEG, WebP, GIF); anything else,
 * SVG above all (it can carry script), is unknown.
 */

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif'

export interface ImageFacts {
  type: ImageType
  width: number
  height: number
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false
  return prefix.every((b, i) => bytes[at + i] === b)
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  if (bytes.length < at + length) return ''
  return String.fromCharCode(...bytes.subarray(at, at + length))
}

function be16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0)
}

function le16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8)
}

function le24(bytes: Uint8Array, at: number): number {
  return le16(bytes, at) | ((bytes[at + 2] ?? 0) << 16)
}

function be32(bytes: Uint8Array, at: number): number {
  return (be16(bytes, at) * 0x10000 + be16(bytes, at + 2)) >>> 0
}

/** PNG: the signature, then the IHDR chunk first, width and height as big-endian 32-bit numbers. */
export function readPngHeader(bytes: Uint8Array): ImageFacts | null {
  if (!startsWith(bytes, PNG_SIGNATURE) || bytes.length < 24) return null
  if (ascii(bytes, 12, 4) !== 'IHDR') return null
  return { type: 'image/png', width: be32(bytes, 16), height: be32(bytes, 20) }
}

/** GIF87a or GIF89a, then the logical screen's width and height, little-endian 16-bit. */
export function readGifHeader(bytes: Uint8Array): ImageFacts | null {
  const magic = ascii(bytes, 0, 6)
  if ((magic !== 'GIF87a' && magic !== 'GIF89a') || bytes.length < 10) return null
  return { type: 'image/gif', width: le16(bytes, 6), height: le16(bytes, 8) }
}

/**
 * JPEG: SOI (FF D8), then segments until a start-of-frame (SOF0 to SOF15 but DHT C4, JPG C8 and DAC CC)
 * whose body holds the precision, then height and width big-endian. Scan data (SOS) before a frame
 * header, or a segment running past the end, is not an image.
 */
export function readJpegHeader(bytes: Uint8Array): ImageFacts | null {
  if (!startsWith(bytes, [0xff, 0xd8, 0xff])) return null
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null
    // Any number of 0xFF fill bytes may come before a marker.
    while (at < bytes.length && bytes[at] === 0xff) at++
    const marker = bytes[at] ?? 0
    at++
    // Markers without a length: TEM and RST0-7.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue
    if (marker === 0xd9 || marker === 0xda) return null // end of image, or scan data, before a frame
    const length = be16(bytes, at)
    if (length < 2 || at + length > bytes.length) return null
    const isFrame =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (isFrame) {
      if (length < 7) return null
      return { type: 'image/jpeg', height: be16(bytes, at + 3), width: be16(bytes, at + 5) }
    }
    at += length
  }
  return null
}

/**
 * WebP: a RIFF container of type WEBP whose first chunk is VP8 (lossy: after the start code 9D 01 2A,
 * 14-bit width and height), VP8L (lossless: after the 0x2F signature, width-1 and height-1 in 14 bits
 * each) or VP8X (extended: canvas width-1 and height-1 in 24 bits each).
 */
export function readWebpHeader(bytes: Uint8Array): ImageFacts | null {
  if (ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') return null
  const chunk = ascii(bytes, 12, 4)
  const data = 20
  if (chunk === 'VP8 ') {
    if (bytes.length < data + 10 || !startsWith(bytes, [0x9d, 0x01, 0x2a], data + 3)) return null
    return {
      type: 'image/webp',
      width: le16(bytes, data + 6) & 0x3fff,
      height: le16(bytes, data + 8) & 0x3fff,
    }
  }
  if (chunk === 'VP8L') {
    if (bytes.length < data + 5 || bytes[data] !== 0x2f) return null
    const bits =
      ((bytes[data + 1] ?? 0) |
        ((bytes[data + 2] ?? 0) << 8) |
        ((bytes[data + 3] ?? 0) << 16) |
        ((bytes[data + 4] ?? 0) << 24)) >>>
      0
    return { type: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  if (chunk === 'VP8X') {
    if (bytes.length < data + 10) return null
    return {
      type: 'image/webp',
      width: le24(bytes, data + 4) + 1,
      height: le24(bytes, data + 7) + 1,
    }
  }
  return null
}

/**
 * The type and pixel size of an image from its bytes, or null when it is none of the four known types
 * (an SVG, a text file named .png, a truncated header).
 * @example readImageHeader(pngBytes) // { type: 'image/png', width: 64, height: 64 }
 */
export function readImageHeader(bytes: Uint8Array): ImageFacts | null {
  return (
    readPngHeader(bytes) ?? readJpegHeader(bytes) ?? readGifHeader(bytes) ?? readWebpHeader(bytes)
  )
}
