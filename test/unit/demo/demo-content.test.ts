/**
 * The demo forum's files (demo/) read by the loader: every thread parses and passes the importer's checks,
 * and the content is the demo as it was when it moved out of TypeScript (issue 20, point 4). The numbers
 * below were counted from the TypeScript literals before they were deleted; a change to the demo's content
 * changes them on purpose.
 */
import { describe, expect, it } from 'vitest'
import {
  isAgo,
  loadDemoForum,
  toImportThread,
  type DemoThread,
} from '../../../src/domain/demo/index.js'
import { validateImportThread } from '../../../src/domain/importer/index.js'

const forum = loadDemoForum()
const replies = (t: DemoThread) => t.replies ?? []
const comments = (t: DemoThread) => replies(t).flatMap((r) => r.comments ?? [])

describe('the demo forum as data', () => {
  it('has the people, tags and threads it had as TypeScript', () => {
    expect(forum.users).toHaveLength(20)
    expect(forum.tags.map((t) => t.slug)).toEqual([
      'kernel',
      'driverkit',
      'network-extension',
      'fskit',
      'endpoint-security',
      'usb',
      'iokit',
    ])
    expect(forum.threads).toHaveLength(86)
    expect(forum.threads.flatMap(replies)).toHaveLength(157)
    expect(forum.threads.flatMap(comments)).toHaveLength(44)
    expect(forum.threads.flatMap((t) => t.attachments ?? [])).toHaveLength(9)
    expect(forum.threads.filter((t) => replies(t).length === 0)).toHaveLength(5)
  })

  it('counts the same threads, replies, comments, attachments and answers per tag', () => {
    const per: Record<string, number[]> = {}
    for (const t of forum.threads) {
      for (const tag of t.tags) {
        const n = (per[tag] ??= [0, 0, 0, 0, 0])
        n[0]! += 1
        n[1]! += replies(t).length
        n[2]! += comments(t).length
        n[3]! += t.attachments?.length ?? 0
        n[4]! += replies(t).some((r) => r.accepted) ? 1 : 0
      }
    }
    // [threads, replies, comments, attachments, accepted answers]
    expect(per).toEqual({
      kernel: [55, 95, 12, 4, 18],
      'endpoint-security': [9, 16, 7, 1, 4],
      usb: [9, 14, 9, 2, 2],
      'network-extension': [10, 34, 8, 3, 4],
      iokit: [13, 20, 7, 0, 5],
      fskit: [9, 15, 5, 1, 2],
      driverkit: [8, 17, 10, 0, 3],
    })
  })

  it('keeps the view and boost counts, the pinned and the locked thread', () => {
    const sum = (f: (t: DemoThread) => number) => forum.threads.reduce((n, t) => n + f(t), 0)
    expect(sum((t) => t.views)).toBe(49_755)
    expect(sum((t) => (t.boosts ?? 0) + replies(t).reduce((n, r) => n + (r.boosts ?? 0), 0))).toBe(
      1151,
    )
    expect(forum.threads.filter((t) => t.pinned)).toHaveLength(1)
    expect(forum.threads.filter((t) => t.locked)).toHaveLength(1)
  })

  it('keeps each attachment byte for byte as a text file ending in one newline', () => {
    const sizes = forum.threads.flatMap((t) =>
      (t.attachments ?? []).map((a) => `${a.name}:${a.content.length}`),
    )
    expect(sizes).toEqual([
      'dgramsend.c:2724',
      'panic-full.txt:4435',
      'ioreg-usb.txt:2209',
      'uio-migration.diff:2365',
      'tunnel.swift:1850',
      'Info.plist:1100',
      'es_client.log:981',
      'descriptor-dump.txt:2248',
      'AcmeFSModule-2025-11-26-101522.ips:645',
    ])
    for (const a of forum.threads.flatMap((t) => t.attachments ?? []))
      expect(a.content).toMatch(/[^\n]\n$/)
  })

  it('imports threads in the order of their file numbers, one file per thread', () => {
    const numbers = forum.threads.map((t) => Number(/^threads\/(\d+)-/.exec(t.file)?.[1]))
    expect(numbers).toEqual(forum.threads.map((_, i) => i + 1))
    expect(new Set(forum.threads.map((t) => t.title)).size).toBe(forum.threads.length)
  })

  it('has relative times that parse, replies after questions and comments after replies', () => {
    const times = [
      ...forum.users.map((u) => u.joined ?? '24mo'),
      ...forum.threads.flatMap((t) => [
        t.ago,
        ...replies(t).map((r) => r.ago),
        ...comments(t).map((c) => c.ago),
      ]),
    ]
    expect(times.filter((ago) => !isAgo(ago))).toEqual([])
    const now = Date.UTC(2026, 0, 15, 12)
    for (const t of forum.threads) {
      const thread = toImportThread(t, now)
      for (const r of thread.replies ?? []) {
        expect(r.created_at).toBeGreaterThanOrEqual(thread.created_at as number)
        for (const c of r.comments ?? [])
          expect(c.created_at).toBeGreaterThanOrEqual(r.created_at as number)
      }
    }
  })

  it('gives every thread at most one accepted answer, and only on replies by known people', () => {
    const people = new Set(forum.users.map((u) => u.username))
    for (const t of forum.threads) {
      expect(replies(t).filter((r) => r.accepted).length).toBeLessThanOrEqual(1)
      for (const author of [
        t.author,
        ...replies(t).map((r) => r.author),
        ...comments(t).map((c) => c.author),
      ])
        expect(people.has(author), `${t.file}: ${author}`).toBe(true)
    }
    expect(forum.threads.filter((t) => replies(t).some((r) => r.accepted))).toHaveLength(28)
  })

  it('passes the importer checks of `quorum import`, the same for the same now', () => {
    const now = Date.UTC(2026, 0, 15, 12)
    for (const t of forum.threads)
      expect(validateImportThread(toImportThread(t, now)), t.file).toEqual([])
    expect(loadDemoForum().threads.map((t) => toImportThread(t, now))).toEqual(
      forum.threads.map((t) => toImportThread(t, now)),
    )
  })
})
