/**
 * The fragment cache (src/views/fragment-cache.ts) and the anonymous post it serves: a cached post is the
 * same markup as one rendered fresh, and any change to what it shows renders it again.
 */
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { PostView } from '../../../src/domain/posts/index.js'
import type { ThreadListItem } from '../../../src/domain/thread-lists/index.js'
import { anonymousPostCacheStats, Post } from '../../../src/views/components/post.js'
import { ThreadTable, threadRowCacheStats } from '../../../src/views/components/thread-table.js'
import { FragmentCache, sameData } from '../../../src/views/fragment-cache.js'
import { makeAttachment, makeControls, makePost, makeThreadItem, NOW } from './fixtures.js'

const HOUR = 3_600_000

/** A post as anonymous readers get it (through the cache) and as a viewer who may do nothing gets it
 * (no controls to show, so the same markup, rendered without the cache). */
function both(post: PostView, kind: 'question' | 'reply' = 'reply', now = NOW) {
  const anonymous = renderToString(<Post post={post} kind={kind} now={now} />)
  const fresh = renderToString(<Post post={post} kind={kind} now={now} controls={makeControls()} />)
  return { anonymous, fresh }
}

const comment = (id: number, text: string) => ({
  id,
  author: { username: 'quinn_dts', title: 'DTS Engineer' },
  createdAt: NOW - 2 * HOUR,
  bodyHtml: `<p>${text}</p>`,
  authorId: 9,
  hidden: null,
})

describe('anonymous posts from the fragment cache', () => {
  it('are the markup a fresh rendering gives, before they are kept, when kept, and on the hit', () => {
    const posts: [PostView, 'question' | 'reply'][] = [
      [makePost({ id: 7001, attachments: [makeAttachment()] }), 'question'],
      [makePost({ id: 7002, accepted: true, recommended: true, editedAt: NOW - HOUR }), 'reply'],
      [makePost({ id: 7003, comments: [comment(1, 'First'), comment(2, 'Second')] }), 'reply'],
      [makePost({ id: 7004, deleted: true, bodyHtml: '' }), 'reply'],
      [
        makePost({
          id: 7005,
          bodyHtml: '',
          hidden: { reason: 'flagged', note: null, masked: true },
        }),
        'reply',
      ],
    ]
    for (const [post, kind] of posts) {
      const before = anonymousPostCacheStats()
      const first = both(post, kind) // rendered, not kept: a post seen once is not worth keeping
      const kept = both(post, kind) // rendered again, and kept
      const hit = both(post, kind)
      expect(first.anonymous).toBe(first.fresh)
      expect(kept.anonymous).toBe(first.fresh)
      expect(hit.anonymous).toBe(first.fresh)
      const after = anonymousPostCacheStats()
      expect(after.misses - before.misses).toBe(2)
      expect(after.hits - before.hits).toBe(1)
      expect(after.entries - before.entries).toBe(1)
    }
  })

  it('render again whatever changed: text, boosts, accept, hide, delete, comments, author, age', () => {
    const base = makePost({ id: 7101, comments: [comment(11, 'Kept')] })
    const first = both(base).anonymous
    expect(both(base).anonymous).toBe(first)
    const hits = anonymousPostCacheStats().hits
    expect(both(base).anonymous).toBe(first)
    expect(anonymousPostCacheStats().hits).toBe(hits + 1)
    const changes: [PostView, string | RegExp, number?][] = [
      [
        { ...base, bodyHtml: '<p>Edited: purge the name cache.</p>' },
        'Edited: purge the name cache.',
      ],
      [{ ...base, boostCount: 41 }, /data-boost-count[^>]*>.*41/s],
      [{ ...base, accepted: true }, 'Accepted answer'],
      [{ ...base, recommended: true }, 'Recommended'],
      [
        { ...base, hidden: { reason: 'staff', note: null, masked: true }, bodyHtml: '' },
        'hidden by staff',
      ],
      [{ ...base, deleted: true, bodyHtml: '' }, 'This reply was deleted.'],
      [{ ...base, comments: [...base.comments, comment(12, 'A new comment')] }, 'A new comment'],
      [{ ...base, author: { username: 'renamed_ada', title: null } }, 'renamed_ada'],
      // An uploaded avatar (issue 26): the author's avatar version is among the inputs.
      [
        { ...base, author: { ...base.author, avatar: { userId: 9, version: 3 } } },
        '/avatars/u/9/3',
      ],
      [{ ...base, editedAt: NOW - HOUR }, 'edited'],
      [{ ...base, attachments: [makeAttachment({ fileName: 'spindump.txt' })] }, 'spindump.txt'],
      // Three days later the post's age reads "6d", not "3d".
      [base, '>6d<', NOW + 3 * 24 * HOUR],
    ]
    for (const [changed, shows, now] of changes) {
      const { anonymous, fresh } = both(changed, 'reply', now)
      expect(anonymous).toBe(fresh)
      expect(anonymous).not.toBe(first)
      if (typeof shows === 'string') expect(anonymous).toContain(shows)
      else expect(anonymous).toMatch(shows)
    }
  })
})

describe('FragmentCache', () => {
  it('keeps no more characters than its bound, dropping the least recently used', () => {
    const cache = new FragmentCache(20_000)
    for (let i = 0; i < 200; i++)
      for (const _ of [1, 2]) cache.render(i, { i }, () => <p>{'x'.repeat(200)}</p>)
    const { entries } = cache.stats()
    // Each fragment is 207 characters, counted twice (two bytes each): at most 48 fit.
    expect(entries).toBeLessThanOrEqual(48)
    expect(entries).toBeGreaterThan(0)
    const misses = cache.stats().misses
    cache.render(0, { i: 0 }, () => <p>{'x'.repeat(200)}</p>) // long gone
    cache.render(199, { i: 199 }, () => <p>{'x'.repeat(200)}</p>) // the newest
    expect(cache.stats().misses).toBe(misses + 1)
  })

  it('keeps a fragment from its second rendering on, so a walk over many keys keeps none', () => {
    const cache = new FragmentCache(100_000)
    for (let i = 0; i < 100; i++) cache.render(i, { i }, () => <p>walked {i}</p>)
    expect(cache.stats().entries).toBe(0)
    cache.render(7, { i: 7 }, () => <p>walked 7</p>)
    expect(cache.stats().entries).toBe(1)
    expect(renderToString(cache.render(7, { i: 7 }, () => <p>not rendered</p>))).toBe(
      '<p>walked 7</p>',
    )
  })

  it('compares inputs by value, deeply', () => {
    expect(sameData({ a: [1, { b: 'x' }], c: null }, { a: [1, { b: 'x' }], c: null })).toBe(true)
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false)
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(sameData([1, 2], [1, 2, 3])).toBe(false)
    expect(sameData({ 0: 1 }, [1])).toBe(false)
    expect(sameData('<p>a</p>', '<p>a</p>')).toBe(true)
  })
})

describe('thread table rows from the fragment cache', () => {
  const table = (threads: ThreadListItem[], now = NOW, unread?: ReadonlyMap<number, number>) =>
    renderToString(
      <ThreadTable threads={threads} now={now} caption="Posts under Kernel tag" unread={unread} />,
    )

  it('are the markup a fresh rendering gives, and reused', () => {
    const rows = [
      makeThreadItem({ id: 8001 }),
      makeThreadItem({ id: 8002, title: 'Second row', solved: true }),
    ]
    const fresh = table(rows) // first sight: rendered inline, not kept
    expect(table(rows)).toBe(fresh) // kept now
    const hits = threadRowCacheStats().hits
    expect(table(rows)).toBe(fresh)
    expect(threadRowCacheStats().hits).toBe(hits + 2)
  })

  it('render again whatever changed: title, counts, markers, tags, activity age', () => {
    const row = makeThreadItem({ id: 8101 })
    const first = table([row])
    table([row])
    const changes: [ThreadListItem, string, number?][] = [
      [{ ...row, title: 'Renamed: vnode_put panics' }, 'Renamed: vnode_put panics'],
      [{ ...row, replyCount: 4321 }, '4,321'],
      [{ ...row, solved: true }, 'Solved'],
      [{ ...row, tags: [{ slug: 'usb', name: 'USB' }] }, 'USB'],
      [row, '>2d<', NOW + 2 * 24 * HOUR],
    ]
    for (const [changed, shows, now] of changes) {
      const html = table([changed], now)
      expect(html).not.toBe(first)
      expect(html).toContain(shows)
    }
  })

  it('leave rows with an unread badge out of the cache', () => {
    const row = makeThreadItem({ id: 8201 })
    table([row])
    table([row])
    const unread = table([row], NOW, new Map([[8201, 3]]))
    expect(unread).toContain('3 new')
    expect(table([row])).not.toContain('3 new')
  })
})
