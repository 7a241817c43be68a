/**
 * Runs the `quorum` command from the TypeScript sources (through tsx), so benchmarks and bench-data need
 * no build: `node --import tsx bench/quorum.ts bench-data --threads 100000`.
 */
import { main } from '../src/cli.js'

process.exitCode = await main(process.argv.slice(2))
