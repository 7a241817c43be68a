/**
 * Multipart forms with files, read as a stream (SECURITY.md "Uploads"). Only the routes that take files
 * register a multipart parser, so a multipart body sent anywhere else is refused (415) before a byte of
 * it is read. On those routes nothing is read into memory ahead of the checks:
 *
 * 1. the fields are read in order until the first file part (the forms put `_csrf` and the text first);
 * 2. there, before any file byte is read, `admit` decides on the fields (CSRF token, the poster's rate
 *    limit) and the process-wide {@link UploadBudget} must have room for the request;
 * 3. each file is streamed to a temporary file, never buffered whole; a file past its size limit stops
 *    the reading.
 *
 * A refusal stops the parsing: nothing more is stored. The route then throws away the rest of the body
 * ({@link discardRest}, bounded by the form's largest size) so the client receives the answer.
 */
import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { FastifyRequest } from 'fastify'
import { randomId } from '../domain/shared/index.js'

/**
 * Bytes of uploads the process has agreed to receive, across requests. A request reserves what its
 * Content-Length says (or the most a form may hold) before its first file is read, and releases it when
 * the route is done with the files.
 */
export class UploadBudget {
  private used = 0

  constructor(readonly maxBytes: number) {}

  get bytesInFlight(): number {
    return this.used
  }

  /** Takes `bytes` from the budget; false, taking nothing, when they would pass the cap. */
  reserve(bytes: number): boolean {
    if (this.used + bytes > this.maxBytes) return false
    this.used += bytes
    return true
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes)
  }
}

export interface UploadLimits {
  files: number
  fileBytes: number
  fields: number
  fieldBytes: number
}

/** The most a form under `limits` can hold, with room for part headers. */
export function maxFormBytes(limits: UploadLimits): number {
  return limits.files * limits.fileBytes + limits.fields * limits.fieldBytes + 64 * 1024
}

export interface ReceivedFile {
  field: string
  fileName: string
  /** Where the bytes wait, until `dispose`. */
  path: string
  size: number
}

/** Why a form was not received in full; the route turns each into its answer. */
export type UploadRefusal =
  | { kind: 'expired' }
  | { kind: 'rate_limited'; retryAfterS: number }
  | { kind: 'busy'; retryAfterS: number }
  | { kind: 'too_many_files' }
  | { kind: 'too_many_fields' }
  | { kind: 'file_too_large'; fileName: string }
  /** A text field longer than `fieldBytes`: `fields` holds what fit. */
  | { kind: 'field_too_long'; field: string }
  | { kind: 'malformed' }
  | { kind: 'aborted' }

export interface ReceivedForm {
  /** Text fields by name (the first value of a repeated name). */
  fields: Record<string, string>
  files: ReceivedFile[]
  /** Undefined when everything arrived and was admitted. */
  refusal?: UploadRefusal
  /** Deletes the temporary files and returns the reserved bytes. Call it once the files are used. */
  dispose(): Promise<void>
}

export interface ReceiveOptions {
  /** Folder for the temporary files. */
  dir: string
  budget: UploadBudget
  limits: UploadLimits
  /** Decides on the fields read so far, before the first file byte (or at the end when none comes). */
  admit: (fields: Record<string, string>) => UploadRefusal | null
}

/** Seconds a client is asked to wait when the upload budget is spent. */
export const UPLOADS_BUSY_RETRY_AFTER_S = 10

/**
 * Reads a multipart form as described above.
 * @example const form = await receiveMultipartForm(req, { dir, budget, limits, admit }); try { ... } finally { await form.dispose() }
 */
export async function receiveMultipartForm(
  req: FastifyRequest,
  options: ReceiveOptions,
): Promise<ReceivedForm> {
  const { limits, budget } = options
  const fields: Record<string, string> = {}
  const files: ReceivedFile[] = []
  let reserved = 0
  const form: ReceivedForm = {
    fields,
    files,
    dispose: async () => {
      budget.release(reserved)
      reserved = 0
      const paths = files.splice(0).map((f) => f.path)
      await Promise.all(paths.map((p) => fs.rm(p, { force: true })))
    },
  }
  const refuse = async (refusal: UploadRefusal) => {
    await form.dispose()
    form.refusal = refusal
    return form
  }
  /** The checks of step 2; null when the files may come. */
  const admitFiles = (): UploadRefusal | null => {
    const refusal = options.admit(fields)
    if (refusal) return refusal
    const declared = Number(req.headers['content-length'])
    const most = maxFormBytes(limits)
    const bytes = Number.isFinite(declared) && declared > 0 ? Math.min(declared, most) : most
    if (!budget.reserve(bytes)) return { kind: 'busy', retryAfterS: UPLOADS_BUSY_RETRY_AFTER_S }
    reserved = bytes
    return null
  }

  let admitted = false
  try {
    const parts = req.parts({
      limits: {
        files: limits.files,
        // One byte over the limit marks the file as truncated, so the form can say which file it was.
        fileSize: limits.fileBytes + 1,
        fields: limits.fields,
        fieldSize: limits.fieldBytes,
        parts: limits.files + limits.fields,
        headerPairs: 100,
      },
    })
    for await (const part of parts) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && !(part.fieldname in fields))
          fields[part.fieldname] = part.value
        if (part.valueTruncated)
          return await refuse({ kind: 'field_too_long', field: part.fieldname })
        continue
      }
      if (!admitted) {
        const refusal = admitFiles()
        if (refusal) return await refuse(refusal)
        admitted = true
      }
      const file: ReceivedFile = {
        field: part.fieldname,
        fileName: part.filename,
        path: path.join(options.dir, randomId()),
        size: 0,
      }
      files.push(file)
      await pipeline(part.file, createWriteStream(file.path))
      file.size = (await fs.stat(file.path)).size
      if (part.file.truncated)
        return await refuse({ kind: 'file_too_large', fileName: file.fileName })
      // The browser sends an empty, unnamed part for a file input left empty.
      if (file.fileName === '' && file.size === 0)
        await fs.rm(files.pop()?.path ?? '', { force: true })
    }
  } catch (error) {
    const refusal = refusalFor(error)
    if (refusal) return await refuse(refusal)
    await form.dispose()
    throw error
  }
  if (!admitted) {
    const refusal = options.admit(fields)
    if (refusal) return await refuse(refusal)
  }
  return form
}

/**
 * Reads what is left of a refused request's body and throws it away, chunk by chunk, before the answer is
 * sent: Node closes a connection whose request was not read to the end, and closing a socket with unread
 * bytes sends a reset that can make the client lose the answer (the form that says what was wrong). Past
 * `maxBytes` the connection is cut with no answer: no form is that large. Returns whether to answer.
 */
export function discardRest(req: FastifyRequest, maxBytes: number): Promise<boolean> {
  const raw = req.raw
  if (raw.readableEnded || raw.complete || raw.destroyed) return Promise.resolve(!raw.destroyed)
  return new Promise((resolve) => {
    let seen = 0
    const done = (answer: boolean) => {
      raw.off('data', onData).off('end', onEnd).off('close', onClose)
      resolve(answer)
    }
    const onData = (chunk: Buffer) => {
      seen += chunk.byteLength
      if (seen > maxBytes) {
        raw.destroy()
        done(false)
      }
    }
    const onEnd = () => done(true)
    const onClose = () => done(false)
    raw.unpipe() // the multipart parser stops receiving; nothing keeps the bytes
    raw.on('data', onData).on('end', onEnd).on('close', onClose)
    raw.resume()
  })
}

/** The refusal a parser error stands for; undefined for faults that are not the client's (disk, bugs). */
function refusalFor(error: unknown): UploadRefusal | undefined {
  if (!(error instanceof Error)) return undefined
  const code = (error as { code?: unknown }).code
  if (code === 'FST_FILES_LIMIT') return { kind: 'too_many_files' }
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return { kind: 'too_many_fields' }
  if (code === 'FST_MP_PREMATURE_CLOSE' || code === 'ERR_STREAM_PREMATURE_CLOSE')
    return { kind: 'aborted' }
  if (code === 'FST_PROTO_VIOLATION' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return { kind: 'malformed' }
  // busboy's own errors carry no code: "Malformed part header", "Unexpected end of form",
  // "Multipart: Boundary not found", "Part terminated early".
  if (code === undefined && /multipart|boundary|part|form/i.test(error.message))
    return { kind: 'malformed' }
  return undefined
}
