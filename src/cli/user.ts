/** `quorum user create|set-title|set-role`: account administration from the command line. */
import { parseArgs } from 'node:util'
import { createAccount, findUserIdByName, updateUser } from '../domain/users/index.js'
import { type Role } from '../domain/shared/index.js'
import { migrateToLatest } from '../db/migrate.js'
import { withDb, type Command } from './command.js'
import { failureMessage } from '../http/failure.js'

const ROLES: readonly Role[] = ['member', 'moderator', 'admin']

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

export const userCommand: Command = {
  summary: 'Manage accounts: create (--admin, --moderator, --title), set-title, set-role.',
  usage: [
    'quorum user create USERNAME [--email EMAIL] (--password PASSWORD | --password-stdin) [--admin | --moderator] [--title "DTS Engineer"]',
    '       quorum user set-title USERNAME "TITLE"      (an empty title removes it)',
    '       quorum user set-role USERNAME member|moderator|admin',
  ].join('\n'),
  async run(args, config) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
        admin: { type: 'boolean', default: false },
        moderator: { type: 'boolean', default: false },
        title: { type: 'string' },
      },
    })
    const [action, username, value] = positionals
    if (!action || !username) {
      console.error(`Usage: ${this.usage}`)
      return 2
    }
    return withDb(config, async ({ db }) => {
      await migrateToLatest(db)
      if (action === 'create') {
        const password = values['password-stdin'] ? await readStdin() : values.password
        if (!password) {
          console.error('Give a password with --password or --password-stdin.')
          return 2
        }
        const role: Role = values.admin ? 'admin' : values.moderator ? 'moderator' : 'member'
        const result = await createAccount(db, {
          username,
          email: values.email ?? null,
          password,
          role,
          title: values.title?.trim() || null,
        })
        if (!result.ok) {
          console.error(
            result.failure.code === 'invalid'
              ? `${result.failure.field}: ${failureMessage(result.failure, 'en')}`
              : 'message' in result.failure
                ? failureMessage(result.failure, 'en')
                : result.failure.code,
          )
          return 1
        }
        console.log(`Created ${role} ${username} (id ${result.value.id}).`)
        return 0
      }
      const user = await findUserIdByName(db, username)
      if (!user) {
        console.error(`No account named ${username}.`)
        return 1
      }
      if (action === 'set-title') {
        const title = (value ?? '').trim()
        if (title.length > 60) {
          console.error('Keep titles under 60 characters.')
          return 1
        }
        await updateUser(db, user.id, { title: title === '' ? null : title })
        console.log(
          title === '' ? `Removed ${username}'s title.` : `${username} is now shown as “${title}”.`,
        )
        return 0
      }
      if (action === 'set-role') {
        if (!ROLES.includes(value as Role)) {
          console.error(`Role must be one of ${ROLES.join(', ')}.`)
          return 2
        }
        await updateUser(db, user.id, { role: value as Role })
        console.log(`${username} is now ${value}.`)
        return 0
      }
      console.error(`Unknown action "${action}".\nUsage: ${this.usage}`)
      return 2
    })
  },
}
