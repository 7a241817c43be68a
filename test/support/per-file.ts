/**
 * Runs before every test file (vitest.config.ts `setupFiles`). The files of a worker share its modules
 * (`isolate: false`: importing the app costs each file ~2 s otherwise), so what a module keeps for its
 * process and a test file would meet from an earlier one starts over here:
 * - the attempt limiters' counters (keyed by user ids and addresses, which every fresh database reuses);
 * - the factories' numbering (thread n is n hours old);
 * - the remembered search frequencies (counted on an earlier file's index).
 * Caches that compare what they hold with their inputs (the fragment caches, the text memos) need no reset.
 */
import { forgetEveryAttempt } from '../../src/domain/shared/index.js'
import { forgetPhraseFrequencies } from '../../src/domain/search/fts5-rank.queries.js'
import { resetFactories } from './factories.js'

forgetEveryAttempt()
resetFactories()
forgetPhraseFrequencies()
