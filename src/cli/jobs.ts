/**
 * `quorum jobs list [--state STATE] [--limit N]`: the jobs table, newest first, with a count per state.
 * `quorum jobs retry ID | --dead`: a dead job (or every one) runs again from its first attempt.
 * `quorum jobs run-once`: runs every due job now, in this process, and says how many ran.
 */
import { parseArgs } from 'node:util'
import { buildApp } from '../app.js'
import type { Config } from '../config.js'
import {
  countJobsByState,
  JOB_STATES,
  listJobs,
  reviveDeadJobs,
  reviveJob,
  type JobState,
} from '../domain/jobs/index.js'
import { withDb, type Command } from './command.js'

export const jobsCommand: Command = {
  summary: 'Background jobs: `list`, `retry ID|--dead` a dead one, `run-once` runs what is due.',
  usage:
    'quorum jobs list [--state pending|running|done|dead] [--limit 50] | quorum jobs retry ID|--dead | quorum jobs run-once',
  async run(args, config) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        state: { type: 'string' },
        limit: { type: 'string', default: '50' },
        dead: { type: 'boolean', default: false },
      },
    })
    const [action, id, ...extra] = positionals
    if (extra.length > 0) return usage(this.usage)
    if (action === 'list') return list(config, values.state, Number(values.limit))
    if (action === 'retry') return retry(config, id, values.dead)
    if (action === 'run-once' && id === undefined) return runOnce(config)
    return usage(this.usage)
  },
}

function usage(text: string): number {
  console.error(`Usage: ${text}`)
  return 2
}

async function list(config: Readonly<Config>, state: string | undefined, limit: number) {
  if (state !== undefined && !JOB_STATES.includes(state as JobState)) {
    console.error(`--state: "${state}" must be one of ${JOB_STATES.join(', ')}`)
    return 2
  }
  if (!Number.isInteger(limit) || limit < 1) {
    console.error('--limit: give a whole number, 1 or more')
    return 2
  }
  return withDb(config, async ({ db }) => {
    const counts = await countJobsByState(db)
    console.log(JOB_STATES.map((s) => `${s} ${counts[s]}`).join(', '))
    const jobs = await listJobs(db, { state: state as JobState | undefined, limit })
    for (const j of jobs) {
      const when = new Date(j.state === 'pending' ? j.runAfter : (j.finishedAt ?? j.createdAt))
      console.log(
        `${j.id}\t${j.state}\t${j.kind}\t${j.attempts}/${j.maxAttempts}\t${when.toISOString()}\t${j.key}` +
          (j.lastError ? `\n\tlast error: ${j.lastError}` : ''),
      )
    }
    return 0
  })
}

async function retry(config: Readonly<Config>, id: string | undefined, allDead: boolean) {
  if (allDead === (id !== undefined)) {
    console.error('Name one job to retry (its id) or --dead for every dead job.')
    return 2
  }
  return withDb(config, async ({ db }) => {
    if (allDead) {
      console.log(`Retrying ${await reviveDeadJobs(db, Date.now())} dead job(s).`)
      return 0
    }
    const n = Number(id)
    if (!Number.isInteger(n) || !(await reviveJob(db, n, Date.now()))) {
      console.error(
        `No dead job ${id}: only dead jobs are retried (see \`quorum jobs list --state dead\`).`,
      )
      return 1
    }
    console.log(`Job ${n} will run again.`)
    return 0
  })
}

async function runOnce(config: Readonly<Config>) {
  const app = await buildApp(config)
  try {
    console.log(`Ran ${await app.jobs.drain()} job(s).`)
    return 0
  } finally {
    await app.close()
  }
}
