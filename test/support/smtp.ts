/**
 * A real SMTP server on 127.0.0.1 for tests (smtp-server from the npm registry): it keeps every message
 * it accepts, parsed by mailparser, and lets a test decide how it answers each one (accept, refuse, or
 * never answer).
 */
import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server'

/** What the server does with the next message: accept it, refuse it with a 4xx/5xx, or hang. */
export type SmtpAnswer =
  | 'accept'
  | { refuse: number; message: string }
  | 'hang'
  /** Runs `first` (the test's own step, e.g. stopping the sender), then accepts. */
  | { acceptAfter: () => void }

export interface TestSmtp {
  url: string
  /** Accepted messages, parsed, in arrival order. */
  received: ParsedMail[]
  /** How to answer the messages to come, one entry each; when empty, accept. */
  answers: SmtpAnswer[]
  /** Resolves when `n` messages have been accepted. */
  waitFor(n: number): Promise<ParsedMail[]>
  /** Messages whose data arrived (accepted or not). */
  arrived(): number
  close(): Promise<void>
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: ParsedMail[] = []
  const answers: SmtpAnswer[] = []
  const waiters: { n: number; resolve: (m: ParsedMail[]) => void }[] = []
  let arrived = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream: SMTPServerDataStream, _session: SMTPServerSession, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        arrived++
        const answer = answers.shift() ?? 'accept'
        if (answer === 'hang') return // the sender waits for an answer that never comes
        if (typeof answer === 'object' && 'acceptAfter' in answer) answer.acceptAfter()
        else if (answer !== 'accept') {
          const error = Object.assign(new Error(answer.message), { responseCode: answer.refuse })
          return callback(error)
        }
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            received.push(mail)
            for (const w of waiters.filter((x) => received.length >= x.n)) w.resolve(received)
            callback()
          })
          .catch((error: Error) => callback(error))
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    answers,
    arrived: () => arrived,
    waitFor: (n) =>
      received.length >= n
        ? Promise.resolve(received)
        : new Promise((resolve) => waiters.push({ n, resolve })),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
