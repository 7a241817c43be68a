/**
 * The `quorum` command. Each subcommand loads the config, opens the database, does one job and closes.
 * `quorum --help` lists them; `quorum COMMAND --help` explains one.
 */
import { ConfigError, loadConfig, type Config } from './config.js'
import { COMMANDS } from './cli/commands.js'

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length))
  return [
    'Usage: quorum COMMAND [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Settings come from the environment (PORT, HOST, DATABASE_URL, LOG_LEVEL, ...): see docs/configuration.md.',
    'Run `quorum COMMAND --help` for one command.',
  ].join('\n')
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help())
    return name ? 0 : 2
  }
  const command = COMMANDS[name]
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${help()}`)
    return 2
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`Usage: ${command.usage}\n\n${command.summary}`)
    return 0
  }
  let config: Readonly<Config>
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      return 2
    }
    throw error
  }
  try {
    return await command.run(args, config)
  } catch (error) {
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`${error.message}\nUsage: ${command.usage}`)
      return 2
    }
    throw error
  }
}
