/**
 * Threads every browser suite can rely on, whatever the demo content becomes: an answered thread with code,
 * a long log, attachments (text previews, a collapsed one, a download-only file) and comments; an open one
 * with a reply by the harness's member, edited once (so its edit and revisions pages have something to
 * show); a locked one. Written through the import path, like every other thread; the edit goes through
 * the domain's `editPost`, as the edit form's does.
 */
import type { Db } from '../../../src/db/schema.js'
import { slugify } from '../../../src/domain/format/index.js'
import { editPost } from '../../../src/domain/posts/index.js'
import { createSession } from '../../../src/domain/sessions/index.js'
import { extractSignatures, signatureHref } from '../../../src/domain/signatures/index.js'
import { ensureTag } from '../../../src/domain/tags/index.js'
import { make } from '../../support/factories.js'

export interface KnownThread {
  id: number
  title: string
  /** `/threads/:id/:slug` */
  path: string
}

export interface KnownThreads {
  /** A tag with more than one page of threads once the demo is seeded. */
  tagSlug: string
  /** A tag without threads or description (the empty state). */
  emptyTagSlug: string
  answered: KnownThread
  open: KnownThread
  locked: KnownThread
  /** A member (no staff role) with an open session, for the signed-in pages. */
  member: { username: string; sessionToken: string }
  /** An admin with an open session, for the admin pages. */
  admin: { username: string; sessionToken: string }
  /** The member's reply on the open thread, edited once: two revisions, editable by the member. */
  memberReplyId: number
  /** A post the member did not write (the open thread's question): editing it is forbidden (403). */
  othersPostId: number
  /** A signature the answered thread mentions, as its page's path: `/signatures/error/ENOBUFS`. */
  signaturePath: string
  /** The page of the answered thread's panic (a crash cause, with its sites and processes). */
  crashPath: string
  /** Someone with a profile worth showing: threads, replies and a staff title. */
  profileUsername: string
}

const MINUTE = 60_000

/** The answered thread's panic line: its crash page is one of the page types checked. */
const VNODE_PANIC =
  'panic(cpu 1 caller 0xfffffe0012345678): "vnode_put: iocount < 0" @vfs_subr.c:2310'

const REPRO_C = `#include <sys/kpi_socketfilter.h>

static errno_t
filter_data_out(void *cookie, socket_t so, const struct sockaddr *to,
                mbuf_t *data, mbuf_t *control, sflt_data_flag_t flags)
{
\tif (mbuf_len(*data) > 1400)
\t\treturn ENOBUFS; /* dropped: why? */
\treturn 0;
}
`

const PANIC_LOG = Array.from(
  { length: 48 },
  (_, i) =>
    `  0xfffffe00${(0x1a2b3c00 + i * 0x40).toString(16)} : 0xfffffe0011${(0x223344 + i).toString(16)} mach_kernel : _vnode_put_locked + ${0x40 + i}`,
).join('\n')

export async function seedKnownThreads(db: Db): Promise<KnownThreads> {
  await ensureTag(
    db,
    { slug: 'kernel', name: 'Kernel', description: 'Kernel extensions, XNU internals and panics.' },
    Date.now(),
  )
  await ensureTag(db, { slug: 'e2e-empty', name: 'Empty Tag', description: '' }, Date.now())
  const now = Date.now()
  // Before the threads, so the import finds this member (a plain member, created 3 hours ago) by name.
  const memberRow = await db
    .insertInto('users')
    .values({
      username: 'e2e_member',
      username_key: 'e2e_member',
      role: 'member',
      title: null,
      created_at: now - 180 * MINUTE,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const member = { username: 'e2e_member', sessionToken: await createSession(db, memberRow.id) }
  const adminRow = await db
    .insertInto('users')
    .values({
      username: 'e2e_admin',
      username_key: 'e2e_admin',
      role: 'admin',
      title: 'Forum Admin',
      created_at: now - 360 * MINUTE,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const admin = { username: 'e2e_admin', sessionToken: await createSession(db, adminRow.id) }
  const thread = async (
    title: string,
    spec: Parameters<typeof make.thread>[1],
  ): Promise<KnownThread> => {
    const id = await make.thread(db, { title, ...spec })
    return { id, title, path: `/threads/${id}/${slugify(title)}` }
  }
  const answered = await thread('Socket filter drops datagrams over 1400 bytes with ENOBUFS', {
    tags: ['kernel', 'network-extension'],
    author: 'mbuf_wrangler',
    created_at: now - 300 * MINUTE,
    views: 1849,
    boosts: 4,
    body: [
      'My socket filter drops every datagram larger than 1400 bytes. The filter:',
      '',
      '```c',
      REPRO_C.trimEnd(),
      '```',
      '',
      'And the panic, once `sflt_unregister` runs during unmount:',
      '',
      '```text',
      VNODE_PANIC,
      'Backtrace (CPU 1), Frame : Return Address',
      '```',
      '',
      'See [the KPI docs](https://developer.apple.com/documentation/kernel) and `mbuf_len`.',
    ].join('\n'),
    attachments: [
      { name: 'filter.c', content: REPRO_C },
      { name: 'panic-full.txt', content: PANIC_LOG },
      { name: 'capture.pcapng', content: '\u0001\u0002binary-ish capture' },
    ],
    replies: [
      {
        author: 'first_reader',
        created_at: now - 280 * MINUTE,
        body: 'Have you tried a bigger receive buffer?',
        comments: [
          {
            author: 'mbuf_wrangler',
            created_at: now - 275 * MINUTE,
            body: 'Yes, *no change* at 2 MB.',
          },
        ],
      },
      {
        author: 'quinn_dts',
        author_title: 'DTS Engineer',
        created_at: now - 260 * MINUTE,
        body: 'Your filter returns `ENOBUFS` itself: see the `if` in `filter_data_out`.\n\n1. Remove the size check.\n2. Rebuild.',
        accepted: true,
        boosts: 3,
        comments: [
          {
            author: 'mbuf_wrangler',
            created_at: now - 250 * MINUTE,
            body: 'That fixed it, thanks.',
          },
        ],
      },
      { author: 'third_reader', created_at: now - 240 * MINUTE, body: 'Same here on 15.2.' },
    ],
  })
  const open = await thread('APFS snapshot mount fails with EPERM from a launch daemon', {
    tags: ['kernel'],
    author: 'fs_person',
    created_at: now - 90 * MINUTE,
    body: 'Running `mount_apfs -s` from a daemon fails:\n\n```\nmount_apfs: volume could not be mounted: Operation not permitted\n```',
    // Active content a browser would run if served as what it claims to be (SECURITY.md row 26).
    attachments: [
      { name: 'evil.html', content: '<!doctype html><script>window.__xss=1</script>' },
      {
        name: 'evil.svg',
        content: '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"/>',
      },
      {
        name: 'evil.xhtml',
        content:
          '<html xmlns="http://www.w3.org/1999/xhtml"><script>window.__xss=1</script></html>',
      },
      {
        name: 'evil.xml',
        content:
          '<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">window.__xss=1</x:script>',
      },
      { name: 'evil.js', content: 'window.__xss = 1' },
    ],
    replies: [
      {
        author: 'first_reader',
        created_at: now - 80 * MINUTE,
        body: 'Full Disk Access for the daemon?',
      },
      {
        author: 'e2e_member',
        created_at: now - 70 * MINUTE,
        body: 'Same here: `mount_apfs` fails with EPERM.',
      },
    ],
  })
  const locked = await thread('Read this first: how to post a kernel panic', {
    tags: ['kernel'],
    author: 'quinn_dts',
    created_at: now - 9000 * MINUTE,
    pinned: true,
    locked: true,
    body: 'Attach the **full** panic log as a file, and fence short excerpts with ``` so line breaks survive.',
    // Hostile file names (SECURITY.md row 27): traversal, quote and semicolon, CRLF header injection, long unicode.
    attachments: [
      { name: '../../etc/passwd', content: 'root:x:0:0' },
      { name: 'a";b.txt', content: 'quote and semicolon' },
      { name: 'x\r\nSet-Cookie:a=b.txt', content: 'header injection' },
      { name: `${'ü'.repeat(150)}🙂.log`, content: 'long unicode name' },
    ],
  })
  const posts = await db
    .selectFrom('posts')
    .select(['id', 'kind', 'author_id'])
    .where('thread_id', '=', open.id)
    .orderBy('id')
    .execute()
  const memberReplyId = posts.find((p) => p.author_id === memberRow.id)?.id
  const othersPostId = posts.find((p) => p.kind === 'question')?.id
  if (memberReplyId === undefined || othersPostId === undefined)
    throw new Error('the open thread lacks the member reply or its question')
  const edited = await editPost(
    db,
    {
      id: memberRow.id,
      username: member.username,
      title: null,
      role: 'member',
      trustLevel: 'member',
      silencedUntil: null,
    },
    {
      postId: memberReplyId,
      body: 'Same here: `mount_apfs -s` fails with EPERM, even with Full Disk Access.\n\nOn 15.2 too.',
    },
    now - 60 * MINUTE,
  )
  if (!edited.ok) throw new Error(`editing the member's reply failed: ${edited.failure.code}`)
  return {
    tagSlug: 'kernel',
    emptyTagSlug: 'e2e-empty',
    answered,
    open,
    locked,
    member,
    admin,
    memberReplyId,
    othersPostId,
    signaturePath: signatureHref('error', 'ENOBUFS'),
    crashPath: signatureHref('crash', extractSignatures(VNODE_PANIC).crashes[0]?.fingerprint ?? ''),
    profileUsername: 'quinn_dts',
  }
}
