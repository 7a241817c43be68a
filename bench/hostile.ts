/**
 * `npm run bench:hostile`: how long hostile inputs take to render (SECURITY.md row 33: well under a
 * second each), the speed that the tests' hang guards leave out. For each input of
 * test/fixtures/hostile/ it prints the best and the median wall time of `--runs` runs per renderer, and
 * marks those over the target. Run it on a quiet machine; compare before and after a change to the
 * Markdown pipeline or the highlighter.
 *
 *   npm run bench:hostile -- [--runs 5] [--target-ms 1000]
 */
import { parseArgs } from 'node:util'
import {
  highlightCode,
  renderInlineMarkdown,
  renderMarkdown,
  toPlainText,
} from '../src/domain/markdown/index.js'
import {
  HOSTILE_CODE,
  HOSTILE_MARKDOWN,
  LARGE_PASTE,
  OVERSIZED_CODE,
} from '../test/fixtures/hostile/index.js'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'target-ms': { type: 'string', default: '1000' },
  },
})
const runs = Math.max(1, Number(values.runs))
const target = Number(values['target-ms'])

/** Best and median wall time of `runs` calls, in ms. */
function time(work: () => unknown): { best: number; median: number } {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    work()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return { best: times[0] ?? 0, median: times[Math.floor(times.length / 2)] ?? 0 }
}

const rows: { input: string; renderer: string; best: number; median: number }[] = []
for (const [name, markdown] of HOSTILE_MARKDOWN)
  for (const run of [renderMarkdown, renderInlineMarkdown, toPlainText])
    rows.push({ input: name, renderer: run.name, ...time(() => run(markdown)) })
for (const [lang, code] of HOSTILE_CODE)
  rows.push({
    input: `${lang} code`,
    renderer: 'highlightCode',
    ...time(() => highlightCode(code, lang)),
  })
rows.push({
  input: 'code past the limit',
  renderer: 'highlightCode',
  ...time(() => highlightCode(OVERSIZED_CODE, 'c')),
})
rows.push({
  input: '64 KB paste',
  renderer: 'renderMarkdown',
  ...time(() => renderMarkdown(LARGE_PASTE)),
})

console.log(
  `input                                   renderer              best ms  median ms  (${runs} runs)`,
)
for (const r of rows)
  console.log(
    `${r.input.padEnd(40).slice(0, 40)}${r.renderer.padEnd(22)}${r.best.toFixed(1).padStart(7)}  ${r.median.toFixed(1).padStart(9)}${r.median > target ? `  over ${target} ms` : ''}`,
  )
const over = rows.filter((r) => r.median > target).length
console.log(`\n${over} of ${rows.length} over the ${target} ms target`)
