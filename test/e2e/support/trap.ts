/**
 * The script-execution trap every browser suite loads before any page script: anything that runs code in our
 * origin (an `alert`, a `window.__xss = 1`, a dialog) or that the Content-Security-Policy blocks is recorded,
 * and read back after each page.
 */
import type { BrowserContext, Page } from 'playwright-core'

export interface TrapReport {
  /** Every execution the trap saw: dialogs, `window.__xss` writes, alert/confirm/prompt/print calls. */
  executions: string[]
  /** `securitypolicyviolation` events: "directive blocked-uri (sample)". */
  cspViolations: string[]
}

/** Runs in the page before its own scripts (as a string, so nothing from Node is captured). */
const INIT_SCRIPT = `(() => {
  const executions = []
  const cspViolations = []
  Object.defineProperty(window, '__trap', { value: { executions, cspViolations }, enumerable: false })
  let xss = 0
  Object.defineProperty(window, '__xss', {
    configurable: false,
    get() { return xss },
    set(value) { xss = value; executions.push('window.__xss = ' + String(value)) },
  })
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    Object.defineProperty(window, name, {
      configurable: false,
      writable: false,
      value: (...args) => { executions.push(name + '(' + args.map(String).join(', ') + ')'); return null },
    })
  }
  document.addEventListener('securitypolicyviolation', (e) => {
    cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + (e.sample ? ' (' + e.sample + ')' : ''))
  }, true)
})()`

/**
 * Installs the trap on a context (every page, every navigation) and records dialogs, which a payload could
 * open even if it reached a saved reference to the real `alert`.
 * @example await installTrap(context); ...; expect(await readTrap(page)).toEqual({ executions: [], cspViolations: [] })
 */
export async function installTrap(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: INIT_SCRIPT })
  context.on('page', (page) => watchDialogs(page))
  for (const page of context.pages()) watchDialogs(page)
}

const dialogs = new WeakMap<Page, string[]>()

function watchDialogs(page: Page): void {
  if (dialogs.has(page)) return
  const seen: string[] = []
  dialogs.set(page, seen)
  page.on('dialog', (dialog) => {
    seen.push(`dialog ${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss().catch(() => {})
  })
}

/** What the trap recorded on the current document, plus dialogs since the last read; clears the dialogs. */
export async function readTrap(page: Page): Promise<TrapReport> {
  const inPage = await page.evaluate(() => {
    const trap = (window as unknown as { __trap?: TrapReport }).__trap
    return trap === undefined
      ? { executions: ['trap missing: init script did not run'], cspViolations: [] }
      : { executions: [...trap.executions], cspViolations: [...trap.cspViolations] }
  })
  const pageDialogs = dialogs.get(page) ?? []
  const report = {
    executions: [...inPage.executions, ...pageDialogs],
    cspViolations: inPage.cspViolations,
  }
  pageDialogs.length = 0
  return report
}
