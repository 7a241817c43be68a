/**
 * The post policies (src/domain/posts/posts.policy.ts) as truth tables (STYLE.md habit 5): each row is one
 * kind of post or thread, each column one kind of viewer, each cell whether the predicate allows it. The
 * same predicates decide what a write accepts and which buttons a page shows, so a change to a rule
 * shows here as a changed cell.
 */
import { describe, expect, it } from 'vitest'
import type { Viewer } from '../../../src/domain/shared/index.js'
import {
  canAccept,
  canBoost,
  canComment,
  canDelete,
  canEdit,
  canRecommend,
  canReply,
  canRestore,
  canViewDeleted,
  type PostFacts,
  type ThreadFacts,
} from '../../../src/domain/posts/posts.policy.js'

const AUTHOR = 1
const ASKER = 2

/** The columns of every table, in order. */
const KINDS = ['anonymous', 'member', 'author', 'asker', 'moderator', 'admin'] as const
type Kind = (typeof KINDS)[number]

/**
 * The viewer of a kind, for a post or thread: the author wrote the post, the asker wrote the thread's
 * question (for a question, the same person), and the others wrote neither.
 */
function viewerOf(kind: Kind, facts: { authorId: number; threadAuthorId: number }): Viewer | null {
  const member = (id: number): Viewer => ({
    id,
    username: `user${id}`,
    title: null,
    role: 'member',
    trustLevel: 'member',
    silencedUntil: null,
  })
  switch (kind) {
    case 'anonymous':
      return null
    case 'member':
      return member(99)
    case 'author':
      return member(facts.authorId)
    case 'asker':
      return member(facts.threadAuthorId)
    case 'moderator':
      return {
        id: 50,
        username: 'mod',
        title: 'DTS Engineer',
        role: 'moderator',
        trustLevel: 'member',
        silencedUntil: null,
      }
    case 'admin':
      return {
        id: 51,
        username: 'admin',
        title: null,
        role: 'admin',
        trustLevel: 'member',
        silencedUntil: null,
      }
  }
}

const reply: PostFacts = {
  id: 10,
  threadId: 7,
  kind: 'reply',
  authorId: AUTHOR,
  parentId: null,
  deleted: false,
  threadAuthorId: ASKER,
  threadLocked: false,
  threadClosed: false,
  threadDeleted: false,
  acceptedPostId: null,
  replyCount: 1,
}
const question: PostFacts = { ...reply, id: 9, kind: 'question', authorId: ASKER, replyCount: 0 }
const comment: PostFacts = { ...reply, id: 11, kind: 'comment', parentId: 10 }

/** The rows every post table covers (the Table type makes each table name them all). */
const POSTS = {
  reply: reply,
  'accepted reply': { ...reply, acceptedPostId: reply.id },
  'deleted reply': { ...reply, deleted: true },
  'reply, thread locked': { ...reply, threadLocked: true },
  'reply, thread deleted': { ...reply, threadDeleted: true },
  'question, no replies': question,
  'question with replies': { ...question, replyCount: 2 },
  'deleted question': { ...question, deleted: true, threadDeleted: true },
  'question, thread locked': { ...question, threadLocked: true },
  comment: comment,
  'deleted comment': { ...comment, deleted: true },
  'comment, thread locked': { ...comment, threadLocked: true },
} satisfies Record<string, PostFacts>
type Row = keyof typeof POSTS

const T = true
const F = false
/** One table: for each row of POSTS, the cells in the order of KINDS. */
type Table = Record<Row, readonly [boolean, boolean, boolean, boolean, boolean, boolean]>

/** Checks every cell, naming the row and column of each that differs. */
function checkTable(predicate: (viewer: Viewer | null, post: PostFacts) => boolean, table: Table) {
  const wrong: string[] = []
  for (const row of Object.keys(POSTS) as Row[]) {
    const facts: PostFacts = POSTS[row]
    const cells = table[row]
    KINDS.forEach((kind, i) => {
      const got = predicate(viewerOf(kind, facts), facts)
      if (got !== cells[i]) wrong.push(`${row} × ${kind}: expected ${cells[i]}, got ${got}`)
    })
  }
  expect(wrong).toEqual([])
}

describe('post policies', () => {
  it('canComment: anyone signed in, under a live reply; in a locked thread, staff only', () => {
    // prettier-ignore
    checkTable(canComment, {
      //                         anonymous member author asker  mod  admin
      'reply':                   [F,        T,     T,     T,     T,   T],
      'accepted reply':          [F,        T,     T,     T,     T,   T],
      'deleted reply':           [F,        F,     F,     F,     F,   F],
      'reply, thread locked':    [F,        F,     F,     F,     T,   T],
      'reply, thread deleted':   [F,        F,     F,     F,     F,   F],
      'question, no replies':    [F,        F,     F,     F,     F,   F],
      'question with replies':   [F,        F,     F,     F,     F,   F],
      'deleted question':        [F,        F,     F,     F,     F,   F],
      'question, thread locked': [F,        F,     F,     F,     F,   F],
      'comment':                 [F,        F,     F,     F,     F,   F],
      'deleted comment':         [F,        F,     F,     F,     F,   F],
      'comment, thread locked':  [F,        F,     F,     F,     F,   F],
    })
  })

  it('canEdit: the author while the thread is open, staff always; nobody edits what is deleted', () => {
    // prettier-ignore
    checkTable(canEdit, {
      //                         anonymous member author asker  mod  admin
      'reply':                   [F,        F,     T,     F,     T,   T],
      'accepted reply':          [F,        F,     T,     F,     T,   T],
      'deleted reply':           [F,        F,     F,     F,     F,   F],
      'reply, thread locked':    [F,        F,     F,     F,     T,   T],
      'reply, thread deleted':   [F,        F,     F,     F,     F,   F],
      'question, no replies':    [F,        F,     T,     T,     T,   T],
      'question with replies':   [F,        F,     T,     T,     T,   T],
      'deleted question':        [F,        F,     F,     F,     F,   F],
      'question, thread locked': [F,        F,     F,     F,     T,   T],
      'comment':                 [F,        F,     T,     F,     T,   T],
      'deleted comment':         [F,        F,     F,     F,     F,   F],
      'comment, thread locked':  [F,        F,     F,     F,     T,   T],
    })
  })

  it('canDelete: authors their replies and comments, their question until answered; staff anything live', () => {
    // prettier-ignore
    checkTable(canDelete, {
      //                         anonymous member author asker  mod  admin
      'reply':                   [F,        F,     T,     F,     T,   T],
      'accepted reply':          [F,        F,     T,     F,     T,   T],
      'deleted reply':           [F,        F,     F,     F,     F,   F],
      'reply, thread locked':    [F,        F,     F,     F,     T,   T],
      // The thread's deletion does not take away an author's right to remove their own words.
      'reply, thread deleted':   [F,        F,     T,     F,     T,   T],
      'question, no replies':    [F,        F,     T,     T,     T,   T],
      'question with replies':   [F,        F,     F,     F,     T,   T],
      'deleted question':        [F,        F,     F,     F,     F,   F],
      'question, thread locked': [F,        F,     F,     F,     T,   T],
      'comment':                 [F,        F,     T,     F,     T,   T],
      'deleted comment':         [F,        F,     F,     F,     F,   F],
      'comment, thread locked':  [F,        F,     F,     F,     T,   T],
    })
  })

  it('canRestore: staff, and only what is deleted', () => {
    // prettier-ignore
    checkTable(canRestore, {
      //                         anonymous member author asker  mod  admin
      'reply':                   [F,        F,     F,     F,     F,   F],
      'accepted reply':          [F,        F,     F,     F,     F,   F],
      'deleted reply':           [F,        F,     F,     F,     T,   T],
      'reply, thread locked':    [F,        F,     F,     F,     F,   F],
      'reply, thread deleted':   [F,        F,     F,     F,     F,   F],
      'question, no replies':    [F,        F,     F,     F,     F,   F],
      'question with replies':   [F,        F,     F,     F,     F,   F],
      'deleted question':        [F,        F,     F,     F,     T,   T],
      'question, thread locked': [F,        F,     F,     F,     F,   F],
      'comment':                 [F,        F,     F,     F,     F,   F],
      'deleted comment':         [F,        F,     F,     F,     T,   T],
      'comment, thread locked':  [F,        F,     F,     F,     F,   F],
    })
  })

  it('canAccept: the asker while the thread is open, staff always; only live replies', () => {
    // prettier-ignore
    checkTable(canAccept, {
      //                         anonymous member author asker  mod  admin
      'reply':                   [F,        F,     F,     T,     T,   T],
      'accepted reply':          [F,        F,     F,     T,     T,   T],
      'deleted reply':           [F,        F,     F,     F,     F,   F],
      'reply, thread locked':    [F,        F,     F,     F,     T,   T],
      'reply, thread deleted':   [F,        F,     F,     F,     F,   F],
      'question, no replies':    [F,        F,     F,     F,     F,   F],
      'question with replies':   [F,        F,     F,     F,     F,   F],
      'deleted question':        [F,        F,     F,     F,     F,   F],
      'question, thread locked': [F,        F,     F,     F,     F,   F],
      'comment':                 [F,        F,     F,     F,     F,   F],
      'deleted comment':         [F,        F,     F,     F,     F,   F],
      'comment, thread locked':  [F,        F,     F,     F,     F,   F],
    })
  })

  it('canRecommend: staff, on live replies, locked threads included', () => {
    // prettier-ignore
    checkTable(canRecommend, {
      //                         anonymous member author asker  mod  admin
      'reply':                   [F,        F,     F,     F,     T,   T],
      'accepted reply':          [F,        F,     F,     F,     T,   T],
      'deleted reply':           [F,        F,     F,     F,     F,   F],
      'reply, thread locked':    [F,        F,     F,     F,     T,   T],
      'reply, thread deleted':   [F,        F,     F,     F,     F,   F],
      'question, no replies':    [F,        F,     F,     F,     F,   F],
      'question with replies':   [F,        F,     F,     F,     F,   F],
      'deleted question':        [F,        F,     F,     F,     F,   F],
      'question, thread locked': [F,        F,     F,     F,     F,   F],
      'comment':                 [F,        F,     F,     F,     F,   F],
      'deleted comment':         [F,        F,     F,     F,     F,   F],
      'comment, thread locked':  [F,        F,     F,     F,     F,   F],
    })
  })

  it('canBoost: anyone signed in but the author, on live questions and replies, locked or not', () => {
    // prettier-ignore
    checkTable(canBoost, {
      //                         anonymous member author asker  mod  admin
      'reply':                   [F,        T,     F,     T,     T,   T],
      'accepted reply':          [F,        T,     F,     T,     T,   T],
      'deleted reply':           [F,        F,     F,     F,     F,   F],
      'reply, thread locked':    [F,        T,     F,     T,     T,   T],
      'reply, thread deleted':   [F,        F,     F,     F,     F,   F],
      'question, no replies':    [F,        T,     F,     F,     T,   T],
      'question with replies':   [F,        T,     F,     F,     T,   T],
      'deleted question':        [F,        F,     F,     F,     F,   F],
      'question, thread locked': [F,        T,     F,     F,     T,   T],
      'comment':                 [F,        F,     F,     F,     F,   F],
      'deleted comment':         [F,        F,     F,     F,     F,   F],
      'comment, thread locked':  [F,        F,     F,     F,     F,   F],
    })
  })

  it('canBoost: staff may not boost their own post either', () => {
    const moderator: Viewer = {
      id: AUTHOR,
      username: 'mod',
      title: null,
      role: 'moderator',
      trustLevel: 'member',
      silencedUntil: null,
    }
    const admin: Viewer = {
      id: AUTHOR,
      username: 'admin',
      title: null,
      role: 'admin',
      trustLevel: 'member',
      silencedUntil: null,
    }
    expect([canBoost(moderator, reply), canBoost(admin, reply)]).toEqual([false, false])
  })

  it('staff who wrote a post keep their staff rights over it', () => {
    const moderator: Viewer = {
      id: AUTHOR,
      username: 'mod',
      title: null,
      role: 'moderator',
      trustLevel: 'member',
      silencedUntil: null,
    }
    const locked = { ...reply, threadLocked: true }
    expect([canEdit(moderator, locked), canDelete(moderator, locked)]).toEqual([true, true])
  })
})

describe('thread policies', () => {
  const thread: ThreadFacts = {
    id: 7,
    authorId: ASKER,
    locked: false,
    closed: false,
    deleted: false,
    acceptedPostId: null,
  }
  const THREADS: Record<string, ThreadFacts> = {
    'open thread': thread,
    'locked thread': { ...thread, locked: true },
    'closed duplicate': { ...thread, closed: true },
    'deleted thread': { ...thread, deleted: true },
    'locked, deleted thread': { ...thread, locked: true, deleted: true },
  }
  /** For a thread the author is the asker: both columns are that person. */
  const viewers = (facts: ThreadFacts) =>
    KINDS.map((kind) =>
      viewerOf(kind, { authorId: facts.authorId, threadAuthorId: facts.authorId }),
    )

  it('canReply: anyone signed in to an open thread; staff to a locked or closed one; nobody to a deleted one', () => {
    // prettier-ignore
    const table: Record<string, readonly boolean[]> = {
      //                        anonymous member author asker  mod  admin
      'open thread':            [F,        T,     T,     T,     T,   T],
      'locked thread':          [F,        F,     F,     F,     T,   T],
      'closed duplicate':       [F,        F,     F,     F,     T,   T],
      'deleted thread':         [F,        F,     F,     F,     F,   F],
      'locked, deleted thread': [F,        F,     F,     F,     F,   F],
    }
    for (const [row, cells] of Object.entries(table)) {
      const facts = THREADS[row]
      if (!facts) throw new Error(`no facts for ${row}`)
      expect(
        viewers(facts).map((v) => canReply(v, facts)),
        row,
      ).toEqual(cells)
    }
  })

  it('canViewDeleted: staff only', () => {
    expect(viewers(thread).map((v) => canViewDeleted(v))).toEqual([F, F, F, F, T, T])
  })
})
