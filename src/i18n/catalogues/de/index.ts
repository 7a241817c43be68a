/**
 * German: every interface message, keyed by its English text. One file per part of the interface, so
 * each can be kept beside the views it translates; a key in two files is a test failure
 * (test/unit/i18n/catalogue-complete.test.ts).
 */
import type { Catalogue } from '../../locales.js'
import { CLIENT } from './client.js'
import { COMMON } from './common.js'
import { COMPONENTS } from './components.js'
import { MAIL } from './mail.js'
import { MESSAGES } from './messages.js'
import { PAGES_A } from './pages-a.js'
import { PAGES_B } from './pages-b.js'
import { SEARCH } from './search.js'
import { UI_LANE } from './ui-lane.js'

export const DE: Catalogue = {
  ...COMMON,
  ...CLIENT,
  ...COMPONENTS,
  ...PAGES_A,
  ...PAGES_B,
  ...MESSAGES,
  ...MAIL,
  ...SEARCH,
  ...UI_LANE,
}

/** What the islands need: sent in every German page (views/layout/layout.tsx). */
export const DE_CLIENT: Catalogue = CLIENT
