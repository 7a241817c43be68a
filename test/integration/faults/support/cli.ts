/** The `quorum` command run from the sources (through tsx), for tests that need a server process of its own. */
import { main } from '../../../../src/cli.js'

process.exitCode = await main(process.argv.slice(2))
