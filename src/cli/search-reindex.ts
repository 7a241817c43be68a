/** `quorum search reindex`: rebuilds the search index from the threads, with a progress bar. */
import type { Config } from '../config.js'
import { migrateToLatest } from '../db/migrate.js'
import { reindexAll } from '../domain/search/index.js'
import { withDb, type Command } from './command.js'
import { progressBar } from './progress.js'

export const searchCommand: Command = {
  summary: 'Search index tools: `reindex` rebuilds it from every thread (docs/search.md).',
  usage: 'quorum search reindex',
  async run(args, config) {
    if (args[0] !== 'reindex' || args.length > 1) {
      console.error('Say what to do: `quorum search reindex`.')
      return 2
    }
    return reindex(config)
  },
}

async function reindex(config: Readonly<Config>): Promise<number> {
  return withDb(config, async ({ db }) => {
    await migrateToLatest(db)
    let bar: ReturnType<typeof progressBar> | undefined
    const { indexed, total } = await reindexAll(db, {
      onProgress: ({ done, total: all }) => {
        bar ??= progressBar('threads', all)
        bar.update(done)
      },
    })
    bar?.finish()
    console.log(
      `Indexed ${indexed.toLocaleString('en-US')} live thread(s) of ${total.toLocaleString('en-US')}.`,
    )
    return 0
  })
}
