/**
 * Password hashing (argon2id) and the rules a new password must meet: at least 10 characters, at most
 * 1,000 (hashing is never truncated), no composition rules, and not one of the ~30,000 most common
 * passwords (the list ships with @zxcvbn-ts/language-common). SECURITY.md rows 6–7.
 */
import { hash, verify } from '@node-rs/argon2'
import { dictionary } from '@zxcvbn-ts/language-common'
import { msg, type Message } from '../shared/index.js'

export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 1000

// algorithm 2 is Algorithm.Argon2id (a const enum, which verbatimModuleSyntax cannot import).
const HASH_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

let common: Set<string> | undefined
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()))
  return common
}

/** Why a password cannot be used, or null when it can. */
export function passwordProblem(password: string, username?: string): Message | null {
  const length = [...password].length
  if (length < PASSWORD_MIN)
    return { message: msg('Use at least {min} characters.'), values: { min: PASSWORD_MIN } }
  if (length > PASSWORD_MAX)
    return { message: msg('Use at most {max} characters.'), values: { max: PASSWORD_MAX } }
  if (commonPasswords().has(password.toLowerCase()))
    return { message: msg('This password is too common; choose another.') }
  if (
    username &&
    password.toLowerCase().includes(username.toLowerCase()) &&
    length < username.length + 6
  )
    return { message: msg('Do not build the password from your username.') }
  return null
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, HASH_OPTIONS)
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

// Verified against when the account does not exist, so both answers take the same time (row 9).
let dummyHash: Promise<string> | undefined
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('quorum-no-such-account-0c6f1e')
  return dummyHash
}
