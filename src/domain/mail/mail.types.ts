/**
 * The messages Quorum sends, as data: which template and its values. They are rendered (views/mail)
 * and sent (src/mail) by the mail job, never in a request. Links are paths: the renderer makes them
 * absolute with PUBLIC_URL, so no message can carry a link built from a request's Host header.
 */
import type { Message } from '../shared/index.js'

/** A path on this site, starting with `/` (the renderer prefixes PUBLIC_URL). */
export type SitePath = `/${string}`

export type MailTemplate =
  /** Confirm the address given at sign-up (or the new one after a change). */
  | { name: 'verify-email'; username: string; link: SitePath; expiresInHours: number }
  /** A password reset link, asked for on /password/forgot. */
  | { name: 'password-reset'; username: string; link: SitePath; expiresInMinutes: number }
  /** Someone tried to register with an address that already has an account. */
  | { name: 'account-exists'; username: string; signInLink: SitePath; resetLink: SitePath }
  /** The old address is told that the account's address changed. */
  | { name: 'email-changed'; username: string; newAddressHint: string }
  /**
   * Staff silenced or suspended the account (`until` set, with the reason), or lifted it (`until` null).
   * Always sent to a confirmed address, whatever the notification settings: it is about the account.
   */
  | {
      name: 'standing-changed'
      username: string
      kind: 'silence' | 'suspend'
      /** Epoch milliseconds; null when lifted. */
      until: number | null
      reason: string | null
    }
  /** Notifications by mail: one thread's batch, or a daily or weekly digest. */
  | {
      name: 'notifications'
      username: string
      /** `thread` for one thread's batch (subject names it), else the digest's period. */
      scope: 'thread' | 'daily' | 'weekly'
      /**
       * Each thread with its lines ("alice replied to your question"), as messages the mail translates
       * (plain English strings in mails queued before mail had languages).
       */
      threads: { title: string; link: SitePath; lines: (string | Message)[] }[]
      /** Digests: busy threads of watched tags, newest activity first. */
      topThreads: { title: string; link: SitePath }[]
      settingsLink: SitePath
      unsubscribeLink: SitePath
    }

export interface MailRequest {
  to: string
  template: MailTemplate
  /**
   * A one-click unsubscribe address (RFC 8058): sent as the List-Unsubscribe and List-Unsubscribe-Post
   * headers, made absolute with PUBLIC_URL.
   */
  unsubscribe?: SitePath
}

/** The job kind that renders and sends one message. */
export const MAIL_JOB = 'mail.send'
