import { createHash } from 'node:crypto'

/** SHA-256 (hex) of a ticket or challenge: what `sign_in_challenges` keeps instead of the value. */
export function hashTicket(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}
