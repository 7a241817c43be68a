/**
 * The second-pass corpus (test/fixtures/signatures/posts-systems.ts), scored and printed per kind: symbol
 * recall and precision for each kind of identifier, and crash reports grouped by cause (the trace and code
 * pastes are scored in pastes.test.ts). The numbers go to docs/signatures.md ("Tests and scores").
 */
import { describe, expect, it } from 'vitest'
import { extractSignatures } from '../../../src/domain/signatures/index.js'
import {
  CAUSE_GROUPS,
  SYMBOL_KINDS,
  SYMBOL_POSTS,
  type SymbolKind,
} from '../../fixtures/signatures/posts-systems.js'

const key = (s: string) => s.replace(/^_+/, '').replace(/\(\)$/, '').toLowerCase()

/** The kind a found name belongs to, by its shape: where a false positive is counted. */
function shapeKind(label: string): SymbolKind {
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(label) || /^k[A-Z]/.test(label)) return 'constant'
  if (/_t$|_args$/.test(label)) return 'type'
  if (/^\w+:(?:\w+:)*$/.test(label)) return 'selector'
  if (/^\w+(?:\.\w+)+$/.test(label)) return 'dotted'
  if (/^!|\s/.test(label)) return 'debugger'
  return 'other'
}

describe('second-pass corpus', () => {
  it('finds every kind of identifier: recall ≥ 95 % at precision ≥ 95 %, each kind', () => {
    const tp = new Map<SymbolKind, number>(SYMBOL_KINDS.map((k) => [k, 0]))
    const fn = new Map<SymbolKind, number>(SYMBOL_KINDS.map((k) => [k, 0]))
    const fp = new Map<SymbolKind, number>(SYMBOL_KINDS.map((k) => [k, 0]))
    const misses: string[] = []
    for (const post of SYMBOL_POSTS) {
      const got = new Map(extractSignatures(post.text).symbols.map((s) => [key(s), s]))
      const wanted = new Set<string>()
      for (const kind of SYMBOL_KINDS) {
        for (const s of post.symbols[kind] ?? []) {
          wanted.add(key(s))
          if (got.has(key(s))) tp.set(kind, (tp.get(kind) ?? 0) + 1)
          else {
            fn.set(kind, (fn.get(kind) ?? 0) + 1)
            misses.push(`${post.name}: missing ${kind} ${s}`)
          }
        }
      }
      for (const [k, label] of got) {
        if (wanted.has(k)) continue
        const kind = shapeKind(label)
        fp.set(kind, (fp.get(kind) ?? 0) + 1)
        misses.push(`${post.name}: unexpected ${label}`)
      }
    }
    const pct = (a: number, b: number) => (b === 0 ? 100 : (100 * a) / b)
    const rows = SYMBOL_KINDS.map((k) => {
      const t = tp.get(k) ?? 0
      return `${k}: recall ${pct(t, t + (fn.get(k) ?? 0)).toFixed(1)} % (${t}/${t + (fn.get(k) ?? 0)}), precision ${pct(t, t + (fp.get(k) ?? 0)).toFixed(1)} %`
    })
    const sum = (m: Map<SymbolKind, number>) => [...m.values()].reduce((a, b) => a + b, 0)
    const recall = pct(sum(tp), sum(tp) + sum(fn))
    const precision = pct(sum(tp), sum(tp) + sum(fp))
    console.log(
      `second-pass symbols: ${SYMBOL_POSTS.length} posts; recall ${recall.toFixed(1)} %, precision ${precision.toFixed(1)} %\n  ${rows.join('\n  ')}` +
        (misses.length > 0 ? `\n  ${misses.join('\n  ')}` : ''),
    )
    expect(recall).toBeGreaterThanOrEqual(95)
    expect(precision).toBeGreaterThanOrEqual(95)
  })

  it('gives every report of one cause the same fingerprint, and no two causes one', () => {
    const problems: string[] = []
    const causes = new Map<string, string>()
    let shared = 0
    for (const group of CAUSE_GROUPS) {
      const sets = group.reports.map(
        (r) => new Set(extractSignatures(r).crashes.map((c) => c.fingerprint)),
      )
      const common = [...(sets[0] ?? [])].filter((f) => sets.every((s) => s.has(f)))
      if (common.length === 0) {
        const texts = group.reports.map((r) =>
          extractSignatures(r)
            .crashes.map((c) => c.text)
            .join(' ; '),
        )
        problems.push(`${group.name}: no shared cause (${texts.join(' | ')})`)
      } else shared++
      for (const f of common) {
        const other = causes.get(f)
        if (other !== undefined && other !== group.name)
          problems.push(`${group.name} shares ${f} with ${other}`)
        causes.set(f, group.name)
      }
    }
    console.log(
      `second-pass crashes: ${shared}/${CAUSE_GROUPS.length} groups share one cause` +
        (problems.length > 0 ? `\n  ${problems.join('\n  ')}` : ''),
    )
    expect(problems).toEqual([])
  })
})
