/**
 * Whether a login may be unlinked: never the last way into the account. The ways are a password and
 * each login with a provider that is still configured (a login with a removed provider opens nothing).
 * @example canUnlink({ hasPassword: false, usableLogins: 1, isUsable: true }) // false
 */
export function canUnlink(facts: {
  hasPassword: boolean
  usableLogins: number
  /** Whether the login in question is one of the usable ones. */
  isUsable: boolean
}): boolean {
  if (!facts.isUsable) return true
  return facts.hasPassword || facts.usableLogins > 1
}
