import { it } from 'vitest'
import { AxeBuilder } from '@axe-core/playwright'
import { startServer } from './support/server.js'
import { launchChromium, newContext } from './support/browser.js'
import { WCAG_TAGS } from './pages/base-page.js'
it('probe', async () => {
  const s = await startServer('sqlite')
  const b = await launchChromium()
  const ctx = await newContext(b, s.origin, { colorScheme: 'light' })
  const p = await ctx.newPage()
  for (const path of ['/tags/kernel', s.known.answered.path, '/tags/kernel', s.known.answered.path]) {
    await p.goto(path)
    let t = Date.now(); await new AxeBuilder({ page: p }).withTags(WCAG_TAGS).analyze(); const a = Date.now() - t
    t = Date.now(); await new AxeBuilder({ page: p }).withTags(WCAG_TAGS).options({ resultTypes: ['violations'] }).analyze(); const b2 = Date.now() - t
    t = Date.now(); const r = await new AxeBuilder({ page: p }).withTags(WCAG_TAGS).options({ resultTypes: ['violations'] }).disableRules(['color-contrast']).analyze(); const c = Date.now() - t
    console.log(path, { full: a, violationsOnly: b2, noContrast: c, v: r.violations.length })
  }
  await b.close(); await s.close()
}, 120000)
