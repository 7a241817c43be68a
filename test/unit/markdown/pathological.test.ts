/**
 * SECURITY.md row 33: hostile Markdown must render quickly and with bounded output. Here: the output is
 * bounded, and no input costs more CPU than a hang guard allows (test/support/cpu-time.ts); how quickly
 * each renders is measured by `npm run bench:hostile`, since a timed test fails on a busy machine.
 */
import { describe, expect, it } from 'vitest'
import {
  renderInlineMarkdown,
  renderMarkdown,
  toPlainText,
} from '../../../src/domain/markdown/index.js'
import { HOSTILE_MARKDOWN } from '../../fixtures/hostile/index.js'
import { cpuMs, HANG_GUARD_CPU_MS } from '../../support/cpu-time.js'

describe('pathological markdown (SECURITY.md row 33)', () => {
  it.each(HOSTILE_MARKDOWN)(
    '%s renders without a hang, with bounded output',
    { timeout: 60_000 },
    (_name, markdown) => {
      for (const run of [renderMarkdown, renderInlineMarkdown, toPlainText]) {
        const { value: out, ms } = cpuMs(() => run(markdown))
        expect(ms, `${run.name}: CPU ms`).toBeLessThan(HANG_GUARD_CPU_MS)
        expect(out.length).toBeLessThan(markdown.length * 12 + 1_000)
      }
    },
  )

  it('caps nesting: 50k nested quotes produce at most 20 levels', () => {
    const html = renderMarkdown('>'.repeat(50_000) + ' deep')
    expect(html.match(/<blockquote>/g)?.length ?? 0).toBeLessThanOrEqual(20)
  })

  it('drops only what is nested too deep: the rest of the post still renders', () => {
    const html = renderMarkdown('>'.repeat(30) + ' deep\n\nafter')
    expect(html.endsWith('<p>after</p>\n')).toBe(true)
  })
})
