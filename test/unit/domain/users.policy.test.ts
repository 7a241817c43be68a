/**
 * The rules about people (src/domain/users/users.policy.ts) as tables: each name or address with the
 * problem registration shows for it, or null when it is accepted. There are no viewer kinds here: these
 * rules judge what someone types, whoever they are.
 */
import { describe, expect, it } from 'vitest'
import {
  emailProblem,
  USERNAME_PATTERN,
  usernameProblem,
} from '../../../src/domain/users/users.policy.js'
import type { Message } from '../../../src/domain/shared/index.js'
import { translateMessage } from '../../../src/i18n/index.js'

/** A problem as an English reader sees it. */
const english = (problem: Message | null): string | null =>
  problem === null ? null : translateMessage('en', problem)

const TOO_SHORT = 'Use at least 3 characters.'
const TOO_LONG = 'Use at most 30 characters.'
const CHARACTERS = 'Use only letters, digits, - and _.'

describe('usernameProblem', () => {
  it.each([
    ['', TOO_SHORT],
    ['ab', TOO_SHORT],
    ['abc', null],
    ['ada_fs', null],
    ['Quinn-DTS', null],
    ['007', null],
    ['a'.repeat(30), null],
    ['a'.repeat(31), TOO_LONG],
    ['has space', CHARACTERS],
    ['dot.name', CHARACTERS],
    ['at@sign', CHARACTERS],
    ['ünïcode', CHARACTERS],
    ['tab\there', CHARACTERS],
    ['emoji🧵x', CHARACTERS],
  ] as const)('%j → %s', (username, problem) => {
    expect(english(usernameProblem(username))).toBe(problem)
  })

  it('agrees with USERNAME_PATTERN, which the form’s pattern attribute uses', () => {
    for (const name of ['ab', 'abc', 'ada_fs', 'a'.repeat(31), 'dot.name', 'ünïcode'])
      expect(usernameProblem(name) === null, name).toBe(USERNAME_PATTERN.test(name))
  })
})

describe('emailProblem', () => {
  const LIKE = 'Enter an email address like name@example.com.'
  it.each([
    ['name@example.com', null],
    ['a@b.c', null],
    ['first.last+tag@sub.example.org', null],
    ['name@example', LIKE],
    ['name.example.com', LIKE],
    ['@example.com', LIKE],
    ['name@', LIKE],
    ['na me@example.com', LIKE],
    ['name@exa mple.com', LIKE],
    ['a@@b.c', LIKE],
    ['', LIKE],
  ] as const)('%j → %s', (email, problem) => {
    expect(english(emailProblem(email))).toBe(problem)
  })

  it('takes addresses up to 254 characters', () => {
    const local = (n: number) => `${'a'.repeat(n)}@example.com`
    expect(local(242)).toHaveLength(254)
    expect(emailProblem(local(242))).toBeNull()
    expect(english(emailProblem(local(243)))).toBe('That email address is too long.')
  })
})
