/** Pure rules about people: names, roles, and who may do what to an account. */

export const USERNAME_PATTERN = /^[A-Za-z0-9_-]{3,30}$/

export function usernameProblem(username: string): string | null {
  if (username.length < 3) return 'Use at least 3 characters.'
  if (username.length > 30) return 'Use at most 30 characters.'
  if (!USERNAME_PATTERN.test(username)) return 'Use only letters, digits, - and _.'
  return null
}

/** A deliberately loose check: one @, something on each side, a dot in the domain, no spaces. */
export function emailProblem(email: string): string | null {
  if (email.length > 254) return 'That email address is too long.'
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    return 'Enter an email address like name@example.com.'
  return null
}
