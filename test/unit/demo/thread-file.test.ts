/**
 * The demo's file format (docs/import.md, "The demo forum"): what a thread file parses to, and that bad
 * content fails loudly, with the file, the line and the problem, before anything is seeded.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  DEMO_DIR,
  DemoContentError,
  loadDemoForum,
  parseThreadFile,
} from '../../../src/domain/demo/index.js'

const QUESTION = `---
title: "vnode_put on a recycled vnode: a panic under memory pressure"
tags: [kernel, fskit]
author: vfs_hacker
ago: 3d
views: 120
boosts: 2
---

After \`vnode_put\` my reclaim hook runs twice:

\`\`\`c
vnode_put(vp);
---
vnode_recycle(vp);
\`\`\`
`

const FILE = `${QUESTION}
--- attachment
name: repro.c
---

int main(void)
{
   return 0; 
}

--- reply
author: quinn_dts
ago: 2d
accepted: true
boosts: 5
---

Take an iocount with \`vnode_get\` first.

--- comment
author: vfs_hacker
ago: 1d
---

That fixed it, thanks.

--- reply
author: mara_kdk
ago: 20h
---

Also see the *VFS* notes.
`

describe('a demo thread file', () => {
  it('parses into the question, its attachments, the replies and their comments', () => {
    expect(parseThreadFile(FILE)).toEqual({
      problems: [],
      thread: {
        title: 'vnode_put on a recycled vnode: a panic under memory pressure',
        tags: ['kernel', 'fskit'],
        author: 'vfs_hacker',
        ago: '3d',
        views: 120,
        boosts: 2,
        body: 'After `vnode_put` my reclaim hook runs twice:\n\n```c\nvnode_put(vp);\n---\nvnode_recycle(vp);\n```',
        attachments: [{ name: 'repro.c', content: 'int main(void)\n{\n   return 0; \n}\n' }],
        replies: [
          {
            author: 'quinn_dts',
            ago: '2d',
            accepted: true,
            boosts: 5,
            body: 'Take an iocount with `vnode_get` first.',
            comments: [{ author: 'vfs_hacker', ago: '1d', body: 'That fixed it, thanks.' }],
          },
          { author: 'mara_kdk', ago: '20h', body: 'Also see the *VFS* notes.' },
        ],
      },
    })
  })

  it('reads a file saved with Windows line ends the same', () => {
    expect(parseThreadFile(FILE.replaceAll('\n', '\r\n'))).toEqual(parseThreadFile(FILE))
  })

  it.each([
    ['no header', 'Hello?\n', 'line 1: a thread file starts with its header'],
    ['an unclosed header', '---\ntitle: Hi\n', `line 1: the question's header has no closing line`],
    [
      'a YAML error, at its line',
      QUESTION.replace('author: vfs_hacker', 'author: [vfs_hacker'),
      'line 5: Flow sequence in block collection',
    ],
    ['a missing field', QUESTION.replace('views: 120\n', ''), 'line 1 (question): views:'],
    [
      'a number for a title',
      QUESTION.replace(/^title: .*$/m, 'title: 2024'),
      'title: Expected string',
    ],
    [
      'an unknown field',
      `${QUESTION}\n--- reply\nauthor: quinn_dts\nago: 2d\nacepted: true\n---\n\nYes.\n`,
      'line 18 (reply 1): acepted: Unexpected property',
    ],
    [
      'a time that is not relative',
      `${QUESTION}\n--- reply\nauthor: quinn_dts\nago: yesterday\n---\n\nYes.\n`,
      'line 18 (reply 1): ago: "yesterday" is not a relative time such as 45m, 5h, 3d, 2w or 14mo',
    ],
    [
      'a reply older than its question',
      `${QUESTION}\n--- reply\nauthor: quinn_dts\nago: 4d\n---\n\nYes.\n`,
      'line 18 (reply 1): 4d ago is before the question (3d ago)',
    ],
    [
      'a comment before any reply',
      `${QUESTION}\n--- comment\nauthor: quinn_dts\nago: 2d\n---\n\nYes.\n`,
      'line 18 (comment 1): a comment follows the reply it belongs to',
    ],
    [
      'an attachment after a reply',
      `${QUESTION}\n--- reply\nauthor: quinn_dts\nago: 2d\n---\n\nYes.\n\n--- attachment\nname: a.txt\n---\n\nx\n`,
      'line 25 (attachment 1): attachments go after the question',
    ],
    [
      'two accepted answers',
      `${QUESTION}\n--- reply\nauthor: a\nago: 2d\naccepted: true\n---\n\nYes.\n\n--- reply\nauthor: b\nago: 1d\naccepted: true\n---\n\nNo.\n`,
      'more than one reply says "accepted: true"',
    ],
    [
      'an empty reply',
      `${QUESTION}\n--- reply\nauthor: a\nago: 2d\n---\n\n`,
      'line 18 (reply 1): no text',
    ],
    [
      'a misspelt marker',
      `${QUESTION}\n--- Reply\nauthor: a\nago: 2d\n---\n\nYes.\n`,
      'line 18: "--- Reply" looks like a section marker',
    ],
  ])('fails on %s', (_, source, problem) => {
    const parsed = parseThreadFile(source)
    expect(parsed.thread).toBeUndefined()
    expect(parsed.problems.join('\n')).toContain(problem)
  })
})

describe('loading a demo folder', () => {
  const made: string[] = []
  afterEach(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })

  /** A demo folder with the real people and tags, and the given thread files. */
  function demoFolder(threads: Record<string, string>, extra: Record<string, string> = {}) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-demo-'))
    made.push(dir)
    fs.mkdirSync(path.join(dir, 'threads'))
    for (const file of ['users.yaml', 'tags.yaml'])
      fs.copyFileSync(path.join(DEMO_DIR, file), path.join(dir, file))
    for (const [name, text] of Object.entries(threads))
      fs.writeFileSync(path.join(dir, 'threads', name), text)
    for (const [name, text] of Object.entries(extra)) fs.writeFileSync(path.join(dir, name), text)
    return dir
  }

  function problemsOf(dir: string): string[] {
    try {
      loadDemoForum(dir)
    } catch (error) {
      expect(error).toBeInstanceOf(DemoContentError)
      expect((error as Error).message).toContain("The demo forum's content is invalid")
      return (error as DemoContentError).problems
    }
    throw new Error('the folder loaded without a problem')
  }

  it('loads a good folder, threads in the order of their numbers', () => {
    const dir = demoFolder({
      '010-second.md': QUESTION.replace(/^title: .*$/m, 'title: Second'),
      '002-first.md': QUESTION,
    })
    expect(loadDemoForum(dir).threads.map((t) => [t.file, t.title])).toEqual([
      ['threads/002-first.md', 'vnode_put on a recycled vnode: a panic under memory pressure'],
      ['threads/010-second.md', 'Second'],
    ])
  })

  it('names every bad file and its problem, across the whole folder', () => {
    const dir = demoFolder({
      '001-good.md': QUESTION,
      '002-bad-time.md': `${QUESTION}\n--- reply\nauthor: quinn_dts\nago: 3x\n---\n\nYes.\n`,
      '003-stranger.md': QUESTION.replace('author: vfs_hacker', 'author: nobody_here'),
      '004-new-tag.md': QUESTION.replace('[kernel, fskit]', '[kernel, rust]'),
      '005-long-comment.md': `${QUESTION}\n--- reply\nauthor: quinn_dts\nago: 2d\n---\n\nYes.\n\n--- comment\nauthor: vfs_hacker\nago: 1d\n---\n\n${'x'.repeat(601)}\n`,
      '005-same-number.md': QUESTION,
      'notes.txt': 'a stray file',
    })
    const name = path.basename(dir)
    expect(problemsOf(dir)).toEqual([
      `${name}/threads/005-same-number.md: number 005 is taken by 005-long-comment.md; numbers fix the import order`,
      `${name}/threads/notes.txt: a thread file is named NNN-slug.md, e.g. 087-vnode-put-panics.md`,
      `${name}/threads/002-bad-time.md: line 18 (reply 1): ago: "3x" is not a relative time such as 45m, 5h, 3d, 2w or 14mo`,
      `${name}/threads/003-stranger.md: author "nobody_here" is not in users.yaml`,
      `${name}/threads/004-new-tag.md: tag "rust" is not in tags.yaml`,
      `${name}/threads/005-long-comment.md: as an import thread: replies/0/comments/0/body: Expected string length less or equal to 600`,
    ])
  })

  it('names a bad people or tags list', () => {
    const dir = demoFolder(
      { '001-good.md': QUESTION },
      {
        'users.yaml': '- username: vfs_hacker\n  role: wizard\n',
        'tags.yaml':
          '- slug: kernel\n  name: Kernel\n  description: x\n- slug: kernel\n  name: K\n  description: y\n',
      },
    )
    const name = path.basename(dir)
    const problems = problemsOf(dir)
    expect(problems[0]).toMatch(new RegExp(`^${name}/users\\.yaml: 0\\.role: `))
    expect(problems).toContain(`${name}/tags.yaml: tag "kernel" is listed twice`)
  })

  it('names a missing threads folder', () => {
    const dir = demoFolder({})
    fs.rmSync(path.join(dir, 'threads'), { recursive: true })
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(new RegExp(`^${path.basename(dir)}/threads: cannot read the folder`)),
    ])
  })
})
