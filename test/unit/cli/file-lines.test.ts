import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, describe, expect, it } from 'vitest'
import { fileLines } from '../../../src/cli/file-lines.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-lines-'))
const file = path.join(dir, 'threads.jsonl')
const written = Array.from({ length: 500 }, (_, i) => `{"line": ${i + 1}}`)
fs.writeFileSync(file, `${written.join('\n')}\r\n`)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Collects an async iterable, giving up (with what it has) when it stalls: a hang must fail, not time out. */
async function collect(lines: AsyncIterable<string>): Promise<string[] | 'stalled'> {
  const out: string[] = []
  const iterator = lines[Symbol.asyncIterator]()
  for (;;) {
    const next = await Promise.race([iterator.next(), sleep(2000).then(() => 'stalled' as const)])
    if (next === 'stalled') return 'stalled'
    if (next.done === true) return out
    out.push(next.value)
  }
}

describe('fileLines', () => {
  it('yields every line even when the consumer awaits before iterating', async () => {
    const lines = fileLines(file)
    await sleep(100) // a database round trip before the import loop starts
    expect(await collect(lines)).toEqual(written)
  })

  it('is needed: an eager readline interface loses what it read before the loop attached', async () => {
    const eager = readline.createInterface({
      input: fs.createReadStream(file),
      crlfDelay: Infinity,
    })
    await sleep(100)
    const got = await collect(eager)
    expect(got === 'stalled' || got.length < written.length).toBe(true)
    eager.close()
  })
})
