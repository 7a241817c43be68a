/**
 * Uploaded avatars (issue 26): the type comes from the magic bytes and the pixel size from the header,
 * checked here on small byte arrays written by hand, one per format and one per way to fail.
 */
import { describe, expect, it } from 'vitest'
import {
  AVATAR_LIMITS,
  checkAvatarImage,
  readGifHeader,
  readImageHeader,
  readJpegHeader,
  readPngHeader,
  readWebpHeader,
} from '../../../src/domain/avatars/index.js'
import { failureMessage } from '../../../src/http/failure.js'

const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]
const le16 = (n: number) => [n & 255, (n >>> 8) & 255]
const le24 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255]
const text = (s: string) => [...s].map((c) => c.charCodeAt(0))

/** A PNG signature and its IHDR chunk (the rest of an image is not needed to read the size). */
function png(width: number, height: number): Uint8Array {
  return Uint8Array.from([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...be32(13),
    ...text('IHDR'),
    ...be32(width),
    ...be32(height),
    8,
    6,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
  ])
}

/** SOI, an APP0 segment to skip, then SOF0 (or `marker`) with height before width. */
function jpeg(width: number, height: number, marker = 0xc0): Uint8Array {
  return Uint8Array.from([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0x00,
    0x10,
    ...text('JFIF'),
    0,
    1,
    1,
    0,
    0,
    1,
    0,
    1,
    0,
    0,
    0xff,
    marker,
    0x00,
    0x11,
    8,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    3,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
  ])
}

function gif(width: number, height: number, magic = 'GIF89a'): Uint8Array {
  return Uint8Array.from([...text(magic), ...le16(width), ...le16(height), 0xf7, 0, 0])
}

function riff(chunk: string, data: number[]): Uint8Array {
  return Uint8Array.from([
    ...text('RIFF'),
    ...le24(4 + 8 + data.length),
    0,
    ...text('WEBP'),
    ...text(chunk),
    ...le24(data.length),
    0,
    ...data,
  ])
}

const webpLossy = (w: number, h: number) =>
  riff('VP8 ', [0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, ...le16(w), ...le16(h), 0, 0])

function webpLossless(w: number, h: number): Uint8Array {
  const bits = ((w - 1) | ((h - 1) << 14)) >>> 0
  return riff('VP8L', [0x2f, bits & 255, (bits >>> 8) & 255, (bits >>> 16) & 255, bits >>> 24, 0])
}

const webpExtended = (w: number, h: number) =>
  riff('VP8X', [0x10, 0, 0, 0, ...le24(w - 1), ...le24(h - 1)])

describe('image header readers', () => {
  it('reads a PNG size from IHDR', () => {
    expect(readPngHeader(png(64, 48))).toEqual({ type: 'image/png', width: 64, height: 48 })
    expect(readPngHeader(png(70000, 1))).toEqual({ type: 'image/png', width: 70000, height: 1 })
  })

  it('reads a JPEG size from its SOF segment, after the segments before it', () => {
    expect(readJpegHeader(jpeg(300, 200))).toEqual({
      type: 'image/jpeg',
      width: 300,
      height: 200,
    })
    // Progressive (SOF2) too; DHT (C4) is not a frame header.
    expect(readJpegHeader(jpeg(40, 30, 0xc2))).toMatchObject({ width: 40, height: 30 })
    expect(readJpegHeader(jpeg(40, 30, 0xc4))).toBeNull()
  })

  it('refuses a JPEG whose segments run past the end or reach scan data first', () => {
    expect(readJpegHeader(jpeg(40, 30).subarray(0, 25))).toBeNull()
    expect(
      readJpegHeader(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 1, 2, 3, 4, 5, 6])),
    ).toBeNull()
  })

  it('reads GIF87a and GIF89a sizes', () => {
    expect(readGifHeader(gif(32, 17))).toEqual({ type: 'image/gif', width: 32, height: 17 })
    expect(readGifHeader(gif(500, 600, 'GIF87a'))).toMatchObject({ width: 500, height: 600 })
    expect(readGifHeader(gif(32, 17, 'GIF90a'))).toBeNull()
  })

  it('reads WebP sizes from VP8, VP8L and VP8X', () => {
    expect(readWebpHeader(webpLossy(120, 90))).toEqual({
      type: 'image/webp',
      width: 120,
      height: 90,
    })
    expect(readWebpHeader(webpLossless(1000, 16))).toMatchObject({ width: 1000, height: 16 })
    expect(readWebpHeader(webpExtended(2000, 64))).toMatchObject({ width: 2000, height: 64 })
    expect(readWebpHeader(riff('VP8 ', [0, 0, 0, 1, 2, 3, 0, 1, 0, 1]))).toBeNull()
  })

  it('knows only the four raster types: SVG, text and truncated headers are none', () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    expect(readImageHeader(svg)).toBeNull()
    expect(readImageHeader(new TextEncoder().encode('hello, this is not a PNG'))).toBeNull()
    expect(readImageHeader(png(64, 64).subarray(0, 20))).toBeNull()
    expect(readImageHeader(new Uint8Array(0))).toBeNull()
    expect(readImageHeader(gif(20, 20))?.type).toBe('image/gif')
    expect(readImageHeader(jpeg(20, 20))?.type).toBe('image/jpeg')
    expect(readImageHeader(webpLossy(20, 20))?.type).toBe('image/webp')
  })
})

describe('checkAvatarImage', () => {
  it('accepts an image within the limits, with the type its bytes say', () => {
    expect(checkAvatarImage(png(64, 64))).toEqual({ ok: true, value: 'image/png' })
    expect(checkAvatarImage(gif(16, 1024))).toEqual({ ok: true, value: 'image/gif' })
  })

  it('refuses too many or too few pixels, naming the size', () => {
    const big = checkAvatarImage(png(1025, 100))
    expect(big).toMatchObject({ ok: false, failure: { code: 'invalid', field: 'avatar' } })
    expect(big.ok ? '' : failureMessage(big.failure, 'en')).toContain('1025×100')
    expect(checkAvatarImage(webpExtended(15, 64))).toMatchObject({ ok: false })
  })

  it('refuses more bytes than the limit, and files that are not images', () => {
    const padded = new Uint8Array(AVATAR_LIMITS.bytesMax + 1)
    padded.set(png(64, 64))
    expect(checkAvatarImage(padded)).toMatchObject({ ok: false, failure: { field: 'avatar' } })
    expect(checkAvatarImage(new TextEncoder().encode('<svg/>'))).toMatchObject({ ok: false })
    expect(checkAvatarImage(new Uint8Array(0))).toMatchObject({ ok: false })
  })
})
