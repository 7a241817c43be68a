/**
 * HTML validity gate (issue 6): every page type, rendered by the real app on a seeded database, validated by
 * html-validate 10 with its recommended preset: 0 errors. The few rules turned off are choices we make on
 * purpose; each is explained beside it here and in docs/quality.md. Runs once per dialect in DIALECTS.
 */
import { HtmlValidate, type ConfigData } from 'html-validate'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DIALECTS } from '../support/dialects.js'
import { E2E_TIMEOUT_MS } from '../e2e/support/browser.js'
import { PAGE_TYPES } from '../e2e/support/page-types.js'
import { startServer, type E2eServer } from '../e2e/support/server.js'

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS, hookTimeout: E2E_TIMEOUT_MS })

export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Preact writes void elements as `<meta/>` and `<br/>`; the HTML spec allows the trailing slash on void
    // elements, and the renderer gives us no way to drop it.
    'void-style': 'off',
    // Our titles repeat the site name ("Posts under Kernel tag – Quorum"); they are rarely under 70 characters,
    // and search engines cut them, they do not reject them.
    'long-title': 'off',
    // DOCTYPE is case-insensitive; we write `<!doctype html>` (as the HTML spec's own examples do). The rule
    // stays on, to keep it consistent, with our spelling.
    'doctype-style': ['error', { style: 'lowercase' }],
    // We name lists with aria-label ("Tags", "3 comments") and aria-labelledby (a post's attachments): the
    // ARIA `list` role takes a name from the author, and screen readers announce it ("Tags, list, 2 items").
    // The preset flags names on any non-landmark element as "not recommended"; allow them where ARIA allows.
    'aria-label-misuse': ['error', { allowAnyNamable: true }],
    // A group of checkboxes shares one name (the API token's scopes): the browser sends each checked
    // value, which is how HTML forms post a set. The preset shares names only among radios and buttons.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
}

describe.each(DIALECTS)(
  '%s: every page type is valid HTML (html-validate recommended)',
  (dialect) => {
    let server: E2eServer
    const validator = new HtmlValidate(HTML_VALIDATE_CONFIG)
    beforeAll(async () => {
      server = await startServer(dialect)
    })
    afterAll(async () => server?.close())

    it.each(PAGE_TYPES)('$name', async (type) => {
      const res = await server.inject(type.path(server.known), { signedIn: type.signedIn })
      expect(res.statusCode).toBe(type.status)
      const report = await validator.validateString(res.body)
      const messages = report.results.flatMap((r) =>
        r.messages.map((m) => `${m.ruleId} (${m.line}:${m.column}): ${m.message}`),
      )
      expect(messages).toEqual([])
    })
  },
)
