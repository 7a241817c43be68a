/**
 * `quorum signatures extract [FILE]`: prints the signatures of any text (a log, a crash report, a draft post)
 * as JSON, from FILE or standard input; needs no database. `quorum signatures rebuild`: re-derives every
 * thread's stored signatures and similarity terms, with a progress bar (docs/signatures.md).
 */
import fs from 'node:fs'
import type { Config } from '../config.js'
import { migrateToLatest } from '../db/migrate.js'
import { extractSignatures, rebuildSignatures } from '../domain/signatures/index.js'
import { withDb, type Command } from './command.js'
import { progressBar } from './progress.js'

export const signaturesCommand: Command = {
  summary:
    'Signatures: `extract [FILE]` prints those of a text as JSON (stdin without FILE); `rebuild` re-derives every thread’s.',
  usage: 'quorum signatures extract [FILE] | quorum signatures rebuild',
  async run(args, config) {
    const [action, ...rest] = args
    if (action === 'extract' && rest.length <= 1) return extract(rest[0])
    if (action === 'rebuild' && rest.length === 0) return rebuild(config)
    console.error(
      'Say what to do: `quorum signatures extract [FILE]` or `quorum signatures rebuild`.',
    )
    return 2
  },
}

async function extract(file: string | undefined): Promise<number> {
  if (file !== undefined && file !== '-' && !fs.existsSync(file)) {
    console.error(`No such file: ${file}`)
    return 1
  }
  const text =
    file === undefined || file === '-' ? await readStdin() : fs.readFileSync(file, 'utf8')
  const { os, errors, symbols, references, crashes } = extractSignatures(text)
  console.log(JSON.stringify({ os, errors, symbols, references, crashes }, null, 2))
  return 0
}

async function rebuild(config: Readonly<Config>): Promise<number> {
  return withDb(config, async ({ db }) => {
    await migrateToLatest(db)
    let bar: ReturnType<typeof progressBar> | undefined
    const { threads, total } = await rebuildSignatures(db, {
      onProgress: ({ done, total: all }) => {
        bar ??= progressBar('threads', all)
        bar.update(done)
      },
    })
    bar?.finish()
    console.log(
      `Derived the signatures of ${threads.toLocaleString('en-US')} live thread(s) of ${total.toLocaleString('en-US')}.`,
    )
    return 0
  })
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array))
  return Buffer.concat(chunks).toString('utf8')
}
