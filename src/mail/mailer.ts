/**
 * Sending a message: over SMTP when SMTP_URL is set (nodemailer), else into the outbox folder as an .eml
 * file, so `npm start` needs no mail server and a developer can open what would have been sent.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'
import type { MailConfig } from '../config.js'

export interface OutgoingMail {
  to: string
  subject: string
  text: string
  html: string
  /** The same for every attempt to send this message, so mail programs show one copy of a resend. */
  messageId: string
  /** Extra headers, such as List-Unsubscribe. */
  headers?: Record<string, string>
}

export interface Mailer {
  /** Sends one message; throws when the server refuses or cannot be reached (the job retries). */
  send(mail: OutgoingMail): Promise<{ where: string }>
  close(): void
}

/** SMTP timeouts: a server that stops answering fails the attempt, which is retried later. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }

/**
 * Where mail goes, for /admin/jobs: the SMTP server's host and port (never the URL's user or password),
 * or the outbox folder.
 */
export function describeTransport(config: MailConfig): { kind: 'smtp' | 'outbox'; where: string } {
  return config.smtpUrl !== null
    ? { kind: 'smtp', where: new URL(config.smtpUrl).host }
    : { kind: 'outbox', where: config.outbox }
}

export function createMailer(config: MailConfig): Mailer {
  if (config.smtpUrl !== null) {
    const transport = nodemailer.createTransport({ url: config.smtpUrl, ...SMTP_TIMEOUTS })
    return {
      send: async (mail) => {
        await transport.sendMail({ from: config.from, ...mail })
        return { where: `SMTP ${new URL(config.smtpUrl ?? '').host}` }
      },
      close: () => transport.close(),
    }
  }
  const builder = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  })
  return {
    send: async (mail) => {
      const info = await builder.sendMail({ from: config.from, ...mail })
      await fs.mkdir(config.outbox, { recursive: true })
      // Named by the Message-ID: a resend of the same message replaces its file.
      const name = `${createHash('sha256').update(mail.messageId).digest('hex').slice(0, 16)}.eml`
      const file = path.join(config.outbox, name)
      await fs.writeFile(file, info.message as Buffer)
      return { where: file }
    },
    close: () => builder.close(),
  }
}

/** A Message-ID that names one message for good: the same key gives the same id. */
export function messageIdFor(key: string, publicUrl: string): string {
  const digest = createHash('sha256').update(key).digest('base64url').slice(0, 32)
  return `<${digest}@${new URL(publicUrl).hostname}>`
}
