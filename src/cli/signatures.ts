/**
 * `quorum signatures extract [FILE]`: prints the signatures of any text (a log, a crash report, a draft post)
 * as JSON, from FILE or standard input; needs no database. `quorum signatures rebuild`: re-derives every
 * thread's stored signatures and similarity terms, with a progress bar (docs/signatures.md). `quorum
 * signatures rank [--all]`: ranks the similar threads of every thread whose ranking is due (never ranked,
 * or a neighbour changed), or of every thread with `--all`.
 */
import fs from 'node:fs'
import type { Config } from '../config.js'
import { migrateToLatest } from '../db/migrate.js'
import { extractSignatures, rankDueThreads, rebuildSignatures } from '../domain/signatures/index.js'
import { withDb, type Command } from './command.js'
import { progressBar } from './progress.js'

export const signaturesCommand: Command = {
  summary:
    'Signatures: `extract [FILE]` prints those of a text as JSON (stdin without FILE); `rebuild` re-derives every thread’s; `rank` stores similar threads.',
  usage:
    'quorum signatures extract [FILE] | quorum signatures rebuild | quorum signatures rank [--all]',
  async run(args, config) {
    const [action, ...rest] = args
    if (action === 'extract' && rest.length <= 1) return extract(rest[0])
    if (action === 'rebuild' && rest.length === 0) return rebuild(config)
    if (action === 'rank' && (rest.length === 0 || (rest.length === 1 && rest[0] === '--all')))
      return rank(config, rest[0] === '--all')
    console.error(
      'Say what to do: `quorum signatures extract [FILE]`, `quorum signatures rebuild` or `quorum signatures rank [--all]`.',
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

async function rank(config: Readonly<Config>, all: boolean): Promise<number> {
  return withDb(config, async ({ db }) => {
    await migrateToLatest(db)
    let bar: ReturnType<typeof progressBar> | undefined
    const ranked = await rankDueThreads(db, {
      ...(all ? { before: Date.now() } : {}),
      onProgress: ({ done, total }) => {
        bar ??= progressBar('threads', total)
        bar.update(done)
      },
    })
    bar?.finish()
    console.log(`Ranked the similar threads of ${ranked.toLocaleString('en-US')} thread(s).`)
    return 0
  })
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array))
  return Buffer.concat(chunks).toString('utf8')
}
