import { randomBytes } from 'node:crypto'

/** A random, URL-safe, unguessable id (128 bits) for things whose ids must not be enumerable. */
export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url')
}
