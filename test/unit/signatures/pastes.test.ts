/**
 * Rescued pastes (docs/signatures.md): the corpus of unfenced pastes mixed with prose, scored and printed, plus
 * bodies that must render exactly as written.
 */
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { renderMarkdown, rescuePastes } from '../../../src/domain/markdown/index.js'
import {
  PASTE_CASES,
  TRACE_AND_CODE_PASTES,
  UNTOUCHED_BODIES,
} from '../../fixtures/signatures/pastes.js'
import { LARGE_PASTE } from '../../fixtures/hostile/index.js'
import { cpuMs, HANG_GUARD_CPU_MS } from '../../support/cpu-time.js'

function check(markdown: string, pasted: string[], prose: string[]): string[] {
  const doc = new JSDOM(renderMarkdown(markdown)).window.document
  const pres = [...doc.querySelectorAll('pre')]
  const preLines = pres.flatMap((p) => (p.textContent ?? '').replace(/\n$/, '').split('\n'))
  const preText = pres.map((p) => p.textContent ?? '').join('\n')
  const blocks = [...doc.querySelectorAll('p, li, h2, h3, h4')].map((e) =>
    (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
  )
  const problems: string[] = []
  let last = -1
  for (const line of pasted) {
    const at = preLines.indexOf(line, last + 1)
    if (at < 0) problems.push(`pasted line not kept in a code block: ${JSON.stringify(line)}`)
    else last = at
  }
  for (const sentence of prose) {
    if (!blocks.some((b) => b.includes(sentence)) || preText.includes(sentence))
      problems.push(`prose not kept as prose: ${JSON.stringify(sentence)}`)
  }
  return problems
}

describe('rescued pastes', () => {
  it('keeps every pasted line in a code block and every sentence in prose, for the whole corpus', () => {
    expect(PASTE_CASES.length).toBeGreaterThanOrEqual(15)
    const failures = PASTE_CASES.flatMap((c) =>
      check(c.markdown, c.pasted, c.prose).map((p) => `${c.name}: ${p}`),
    )
    const passed = PASTE_CASES.filter(
      (c) => check(c.markdown, c.pasted, c.prose).length === 0,
    ).length
    console.log(
      `rescued pastes: ${passed}/${PASTE_CASES.length} bodies keep their lines, prose stays prose`,
    )
    expect(failures).toEqual([])
  })

  it('rescues every trace and code run as one block and keeps prose as prose', () => {
    let blocks = 0
    let runs = 0
    let proseKept = 0
    let proseTotal = 0
    const problems: string[] = []
    for (const c of TRACE_AND_CODE_PASTES) {
      const doc = new JSDOM(renderMarkdown(c.markdown)).window.document
      const pres = [...doc.querySelectorAll('pre')].map((p) =>
        (p.textContent ?? '').replace(/\n$/, '').split('\n'),
      )
      const paras = [...doc.querySelectorAll('p, li')].map((e) =>
        (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
      )
      const preText = pres.map((p) => p.join('\n')).join('\n')
      if (c.pasted.length > 0) {
        runs++
        // One block holds every pasted line, in order (blank lines between them are allowed).
        const whole = pres.some((lines) => {
          let at = -1
          return c.pasted.every((l) => (at = lines.indexOf(l, at + 1)) >= 0)
        })
        if (whole) blocks++
        else problems.push(`${c.name}: not one block`)
      }
      for (const sentence of c.prose) {
        proseTotal++
        if (paras.some((p) => p.includes(sentence)) && !preText.includes(sentence)) proseKept++
        else problems.push(`${c.name}: prose swallowed: ${sentence}`)
      }
    }
    console.log(
      `second-pass pastes: ${blocks}/${runs} runs rescued as one block, ${proseKept}/${proseTotal} sentences kept as prose` +
        (problems.length > 0 ? `\n  ${problems.join('\n  ')}` : ''),
    )
    expect(problems).toEqual([])
  })

  it.each(UNTOUCHED_BODIES)('leaves "$name" exactly as written', ({ markdown }) => {
    expect(rescuePastes(markdown)).toBe(markdown)
  })

  it('marks a rescued block, and fences it so a backtick run inside cannot close it', () => {
    const html = renderMarkdown('Trace:\nfoo[1]: a ``` b\nfoo[1]: c\nDone.')
    expect(html).toContain('<pre class="code code-rescued" data-lang="plaintext"')
    expect(html).toContain('foo[1]: a ``` b\nfoo[1]: c')
    expect(html).toContain('<p>Done.</p>')
  })

  // How fast is `npm run bench:hostile`'s to say; here, only that it does not hang.
  it('rescues a 64 KB paste without a hang', () => {
    const { value: html, ms } = cpuMs(() => renderMarkdown(LARGE_PASTE))
    expect(ms).toBeLessThan(HANG_GUARD_CPU_MS)
    expect(html).toContain('code-rescued')
  })
})
