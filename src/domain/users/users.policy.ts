/** Pure rules about people: names, roles, and who may do what to an account. */
import { msg, type Message } from '../shared/index.js'

export const USERNAME_PATTERN = /^[A-Za-z0-9_-]{3,30}$/

export function usernameProblem(username: string): Message | null {
  if (username.length < 3)
    return { message: msg('Use at least {min} characters.'), values: { min: 3 } }
  if (username.length > 30)
    return { message: msg('Use at most {max} characters.'), values: { max: 30 } }
  if (!USERNAME_PATTERN.test(username))
    return { message: msg('Use only letters, digits, - and _.') }
  return null
}

/** A deliberately loose check: one @, something on each side, a dot in the domain, no spaces. */
export function emailProblem(email: string): Message | null {
  if (email.length > 254) return { message: msg('That email address is too long.') }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    return { message: msg('Enter an email address like name@example.com.') }
  return null
}
