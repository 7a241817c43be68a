#!/usr/bin/env node
/**
 * Asks a question on a Quorum forum with a crash log, then polls the thread until someone replies.
 * No dependencies: Node 20's fetch. See examples/README.md.
 *
 *   QUORUM_URL=https://forum.example QUORUM_TOKEN=qrm_… node examples/ask-and-poll.mjs [crash.log]
 *
 * Exit status: 0 when a reply came (it is printed), 2 when none came within the polls, 1 on an error.
 */
/* global fetch */
import { readFile } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'

const base = (process.env.QUORUM_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '')
const token = process.env.QUORUM_TOKEN
const tag = process.env.QUORUM_TAG ?? 'kernel'
const polls = Number(process.env.QUORUM_POLLS ?? 60)
const everyMs = Number(process.env.QUORUM_POLL_SECONDS ?? 30) * 1000
const logPath = process.argv[2]

if (!token) {
  console.error(
    'Set QUORUM_TOKEN to a personal access token with the write scope (/settings/tokens).',
  )
  process.exit(1)
}

/** Calls the API; waits and tries again when rate-limited (429 and its Retry-After). */
async function api(method, path, body, headers = {}) {
  for (;;) {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    if (res.status !== 429) return res
    const wait = Number(res.headers.get('retry-after') ?? 5)
    console.error(`rate-limited; waiting ${wait} s`)
    await sleep(wait * 1000)
  }
}

/** The problem details of a failed answer, as one line. */
async function failure(res) {
  const problem = await res.json().catch(() => ({}))
  const field = problem.field ? ` (${problem.field})` : ''
  return `${res.status} ${problem.code ?? ''}${field}: ${problem.detail ?? res.statusText}`
}

/** A reply's text: the sanitised HTML without its tags. */
const text = (html) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim()

const log = logPath
  ? await readFile(logPath, 'utf8')
  : [
      'panic(cpu 0 caller 0xffffff8012a4f3c1): "vnode_put: iocount underflow on vp 0xffffff80345a2b10"',
      'Backtrace (CPU 0), Frame : Return Address',
      '0xffffffa0b2e83b50 : 0xffffff8012a4f3c1 mach_kernel : _vnode_put_locked + 0x91',
      '0xffffffa0b2e83b90 : 0xffffff8012a61d07 mach_kernel : _vflush + 0x217',
    ].join('\n')

const asked = await api('POST', '/threads', {
  title: process.env.QUORUM_TITLE ?? 'Kernel panic in vnode_put after a forced unmount',
  body: `Our CI machine panicked during the nightly run. The panic log:\n\n\`\`\`\n${log.slice(0, 60_000)}\n\`\`\``,
  tags: [tag],
})
if (asked.status !== 201) {
  console.error(`Could not ask: ${await failure(asked)}`)
  process.exit(1)
}
const { threadId, url, held } = await asked.json()
console.log(`asked: thread ${threadId} ${url}${held ? ` (waiting for a moderator: ${held})` : ''}`)

let etag
for (let poll = 1; poll <= polls; poll++) {
  const res = await api(
    'GET',
    `/threads/${threadId}`,
    undefined,
    etag ? { 'if-none-match': etag } : {},
  )
  if (res.status === 200) {
    etag = res.headers.get('etag') ?? undefined
    const thread = await res.json()
    if (thread.replies.length > 0) {
      for (const reply of thread.replies)
        console.log(`reply ${reply.id} by ${reply.author.username}: ${text(reply.bodyHtml)}`)
      process.exit(0)
    }
  } else if (res.status !== 304 && res.status !== 404) {
    // 404: the thread waits for a moderator, so only staff see it yet.
    console.error(`Could not read the thread: ${await failure(res)}`)
    process.exit(1)
  }
  if (poll < polls) await sleep(everyMs)
}
console.log(`no reply after ${polls} polls`)
process.exit(2)
