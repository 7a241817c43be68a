/**
 * Reads the demo forum from the top-level demo/ folder (docs/import.md, "The demo forum"): people and
 * tags from YAML lists, one Markdown file per thread. Everything is checked before anything is seeded,
 * and every problem is reported with its file (and line), so bad content fails loudly instead of
 * being skipped the way `quorum import` skips a bad line.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { TSchema } from '@sinclair/typebox'
import { parse as parseYaml } from 'yaml'
import { PROJECT_ROOT } from '../../paths.js'
import { validateImportThread } from '../importer/index.js'
import { problemsOf, TagsFile, UsersFile } from './demo.schema.js'
import type { DemoForum, DemoTag, DemoThread, DemoUser } from './demo.types.js'
import { parseThreadFile } from './thread-file.js'
import { toImportThread } from './to-import-thread.js'

/** demo/ at the project root: the same folder from the sources (tsx, tests) and from dist/ (bin/quorum.js). */
export const DEMO_DIR = path.join(PROJECT_ROOT, 'demo')

/** "042-short-slug.md": the number orders the threads, so it fixes their ids in a seeded forum. */
const THREAD_FILE = /^(\d{3,})-[a-z0-9][a-z0-9-]*\.md$/

/** The demo's content is invalid; `problems` lists each one as "file: [line N: ]problem". */
export class DemoContentError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The demo forum's content is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p}`).join('\n'),
    )
    this.name = 'DemoContentError'
  }
}

/**
 * Reads and checks the demo forum; throws a DemoContentError naming every bad file.
 * @example const forum = loadDemoForum() // { users: [20], tags: [7], threads: [86] }
 */
export function loadDemoForum(dir: string = DEMO_DIR): DemoForum {
  const problems: string[] = []
  const shown = (file: string) => path.relative(path.dirname(dir), file)
  const users = readList<DemoUser>(path.join(dir, 'users.yaml'), UsersFile, shown, problems)
  const tags = readList<DemoTag>(path.join(dir, 'tags.yaml'), TagsFile, shown, problems)
  const usernames = unique(
    users.map((u) => u.username.toLowerCase()),
    `${shown(path.join(dir, 'users.yaml'))}: username`,
    problems,
  )
  const slugs = unique(
    tags.map((t) => t.slug),
    `${shown(path.join(dir, 'tags.yaml'))}: tag`,
    problems,
  )
  const threads: DemoThread[] = []
  for (const file of threadFiles(path.join(dir, 'threads'), shown, problems)) {
    const name = shown(file)
    const parsed = parseThreadFile(fs.readFileSync(file, 'utf8'))
    if (!parsed.thread) {
      problems.push(...parsed.problems.map((p) => `${name}: ${p}`))
      continue
    }
    const thread: DemoThread = { file: path.relative(dir, file), ...parsed.thread }
    const found = [
      ...unknownNames(thread, usernames, slugs),
      ...validateImportThread(toImportThread(thread, Date.now())).map(
        (p) => `as an import thread: ${p}`,
      ),
    ]
    problems.push(...found.map((p) => `${name}: ${p}`))
    threads.push(thread)
  }
  if (problems.length > 0) throw new DemoContentError(problems)
  return { users, tags, threads }
}

/** The thread files in import order (by number); names that do not fit, and repeated numbers, are problems. */
function threadFiles(dir: string, shown: (f: string) => string, problems: string[]): string[] {
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch (error) {
    problems.push(`${shown(dir)}: cannot read the folder (${(error as Error).message})`)
    return []
  }
  const numbered = new Map<number, string>()
  for (const name of names) {
    const match = THREAD_FILE.exec(name)
    if (!match) {
      problems.push(
        `${shown(path.join(dir, name))}: a thread file is named NNN-slug.md, e.g. 087-vnode-put-panics.md`,
      )
      continue
    }
    const n = Number(match[1])
    const other = numbered.get(n)
    if (other !== undefined)
      problems.push(
        `${shown(path.join(dir, name))}: number ${match[1]} is taken by ${other}; numbers fix the import order`,
      )
    else numbered.set(n, name)
  }
  return [...numbered.entries()].sort(([a], [b]) => a - b).map(([, name]) => path.join(dir, name))
}

function readList<T>(
  file: string,
  schema: TSchema,
  shown: (f: string) => string,
  problems: string[],
): T[] {
  let value: unknown
  try {
    value = parseYaml(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    problems.push(`${shown(file)}: ${(error as Error).message.split('\n')[0]}`)
    return []
  }
  const found = problemsOf(schema, value)
  problems.push(...found.map((p) => `${shown(file)}: ${p}`))
  return found.length > 0 ? [] : (value as T[])
}

/** The keys as a set; a repeated one is a problem ("demo/tags.yaml: tag "usb" is listed twice"). */
function unique(keys: string[], what: string, problems: string[]): Set<string> {
  const seen = new Set<string>()
  for (const key of keys) {
    if (seen.has(key)) problems.push(`${what} "${key}" is listed twice`)
    seen.add(key)
  }
  return seen
}

/** Authors must be people of users.yaml and tags those of tags.yaml: the importer would invent them. */
function unknownNames(thread: DemoThread, usernames: Set<string>, slugs: Set<string>): string[] {
  const authors = [
    thread.author,
    ...(thread.replies ?? []).flatMap((r) => [
      r.author,
      ...(r.comments ?? []).map((c) => c.author),
    ]),
  ]
  return [
    ...[...new Set(authors)]
      .filter((a) => !usernames.has(a.toLowerCase()))
      .map((a) => `author "${a}" is not in users.yaml`),
    ...thread.tags.filter((t) => !slugs.has(t)).map((t) => `tag "${t}" is not in tags.yaml`),
  ]
}
