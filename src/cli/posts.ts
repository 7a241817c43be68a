/** `quorum posts rerender`: renders every post's HTML again from its Markdown, with a progress bar. */
import { migrateToLatest } from '../db/migrate.js'
import { countAllPosts, rerenderAllPosts } from '../domain/posts/index.js'
import { withDb, type Command } from './command.js'
import { progressBar } from './progress.js'

export const postsCommand: Command = {
  summary:
    'Post tools: `rerender` renders every post again from its Markdown, after the renderer changed.',
  usage: 'quorum posts rerender',
  async run(args, config) {
    if (args[0] !== 'rerender' || args.length > 1) {
      console.error('Say what to do: `quorum posts rerender`.')
      return 2
    }
    return withDb(config, async ({ db }) => {
      await migrateToLatest(db)
      const bar = progressBar('posts', await countAllPosts(db))
      const { done, changed } = await rerenderAllPosts(db, {
        onProgress: (p) => bar.update(p.done),
      })
      bar.finish()
      console.log(
        `Rendered ${done.toLocaleString('en-US')} post(s); ${changed.toLocaleString('en-US')} changed.`,
      )
      return 0
    })
  },
}
