/**
 * Passkeys (WebAuthn, @simplewebauthn/server): registered under settings, then used as the second step
 * of a sign-in or, being discoverable credentials that verify the user, to sign in without a password.
 * The relying party id and origin come from PUBLIC_URL. Each challenge is stored hashed with its
 * purpose and account, lives 5 minutes, and is deleted by the answer that uses it (single use).
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server'
import type { Db } from '../../db/schema.js'
import { createSession, hashToken } from '../sessions/index.js'
import { fail, msg, ok, type Result, type Viewer } from '../shared/index.js'
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.js'
import { client, completeSignIn, pendingUser } from './sign-in.actions.js'
import { hasSecondFactor } from './two-factor.actions.js'
import { takeEach, twoFactorLimits } from './two-factor.limits.js'
import {
  deleteExpiredChallenges,
  deletePasskey,
  findPasskeyByCredential,
  insertChallenge,
  insertPasskey,
  listPasskeys,
  replaceRecoveryCodes,
  takeChallenge,
  touchPasskey,
  type ChallengePurpose,
  type PasskeyRow,
} from './two-factor.queries.js'

export const CHALLENGE_TTL_MS = 5 * 60_000
export const PASSKEY_NAME_MAX = 60

/** Who the passkeys belong to: the host and origin of PUBLIC_URL. */
export interface RelyingParty {
  id: string
  origin: string
  name: string
}

export function relyingPartyOf(publicUrl: string, name = 'Quorum'): RelyingParty {
  const url = new URL(publicUrl)
  return { id: url.hostname, origin: url.origin, name }
}

export async function passkeyRegistrationOptions(
  db: Db,
  viewer: Viewer,
  rp: RelyingParty,
  now = Date.now(),
): Promise<Result<PublicKeyCredentialCreationOptionsJSON>> {
  const wait = await takeEach([[twoFactorLimits.challenges, `user:${viewer.id}`]], now)
  if (wait > 0) return fail.rateLimited(wait)
  const existing = await listPasskeys(db, viewer.id)
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: viewer.username,
    userID: new TextEncoder().encode(`user:${viewer.id}`),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  })
  await saveChallenge(db, options.challenge, 'passkey-register', viewer.id, now)
  return ok(options)
}

export async function finishPasskeyRegistration(
  db: Db,
  viewer: Viewer,
  input: { response: unknown; name: string },
  rp: RelyingParty,
  now = Date.now(),
): Promise<Result<{ recoveryCodes: string[] | null }>> {
  const name = input.name.trim() === '' ? 'Passkey' : input.name.trim()
  if ([...name].length > PASSKEY_NAME_MAX)
    return fail.invalid('name', msg("A passkey's name has at most {passkeyNameMax} characters."), {
      passkeyNameMax: PASSKEY_NAME_MAX,
    })
  const verification = await verifyRegistrationResponse({
    response: input.response as RegistrationResponseJSON,
    expectedChallenge: (challenge) =>
      usesChallenge(db, challenge, 'passkey-register', viewer.id, now),
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: false,
  }).catch(() => null)
  if (!verification?.verified) return refused()
  const { credential } = verification.registrationInfo
  // The first second factor comes with recovery codes, as turning TOTP on does.
  const recoveryCodes = (await hasSecondFactor(db, viewer.id)) ? null : newRecoveryCodes()
  try {
    await insertPasskey(db, {
      userId: viewer.id,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? [],
      name,
      now,
    })
    if (recoveryCodes !== null)
      await replaceRecoveryCodes(db, viewer.id, recoveryCodes.map(hashRecoveryCode), now)
  } catch (error) {
    if (/unique|duplicate/i.test(String(error)))
      return fail.conflict(msg('That passkey is registered already.'))
    throw error
  }
  return ok({ recoveryCodes })
}

export async function removePasskey(db: Db, viewer: Viewer, id: number): Promise<Result<null>> {
  return (await deletePasskey(db, viewer.id, id)) ? ok(null) : fail.notFound('passkey')
}

/** Options for "Sign in with a passkey": any discoverable passkey of this site, user verified. */
export async function passkeySignInOptions(
  db: Db,
  rp: RelyingParty,
  ip: string,
  now = Date.now(),
): Promise<Result<PublicKeyCredentialRequestOptionsJSON>> {
  const wait = await takeEach([[twoFactorLimits.challenges, ip]], now)
  if (wait > 0) return fail.rateLimited(wait)
  const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: 'required' })
  await saveChallenge(db, options.challenge, 'passkey-sign-in', null, now)
  return ok(options)
}

/** Signs in with a passkey alone: it proves possession and (user verification) the person. */
export async function finishPasskeySignIn(
  db: Db,
  input: { response: unknown; ip: string; userAgent?: string | undefined },
  rp: RelyingParty,
  now = Date.now(),
): Promise<Result<{ userId: number; token: string }>> {
  const passkey = await passkeyOf(db, input.response)
  if (!passkey) return refused()
  const wait = await counted(passkey.userId, input.ip, now)
  if (wait > 0) return fail.rateLimited(wait)
  const verified = await verifyAssertion(db, input.response, passkey, rp, {
    purpose: 'passkey-sign-in',
    userId: null,
    requireUserVerification: true,
    now,
  })
  if (!verified) return refused()
  return ok({
    userId: passkey.userId,
    token: await createSession(db, passkey.userId, now, client(input)),
  })
}

/** Options for the second step: one of this account's passkeys. */
export async function passkeySecondStepOptions(
  db: Db,
  ticket: string,
  rp: RelyingParty,
  ip: string,
  now = Date.now(),
): Promise<Result<PublicKeyCredentialRequestOptionsJSON>> {
  const userId = await pendingUser(db, ticket, now)
  if (userId === undefined) return expired()
  const wait = await takeEach([[twoFactorLimits.challenges, ip]], now)
  if (wait > 0) return fail.rateLimited(wait)
  const passkeys = await listPasskeys(db, userId)
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: 'preferred',
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports })),
  })
  await saveChallenge(db, options.challenge, 'passkey-second-step', userId, now)
  return ok(options)
}

/** Finishes a pending sign-in with one of the account's passkeys. */
export async function finishPasskeySecondStep(
  db: Db,
  input: { ticket: string; response: unknown; ip: string; userAgent?: string | undefined },
  rp: RelyingParty,
  now = Date.now(),
): Promise<Result<{ userId: number; token: string }>> {
  const userId = await pendingUser(db, input.ticket, now)
  if (userId === undefined) return expired()
  const wait = await counted(userId, input.ip, now)
  if (wait > 0) return fail.rateLimited(wait)
  const passkey = await passkeyOf(db, input.response)
  if (passkey?.userId !== userId) return refused()
  const verified = await verifyAssertion(db, input.response, passkey, rp, {
    purpose: 'passkey-second-step',
    userId,
    requireUserVerification: false,
    now,
  })
  if (!verified) return refused()
  return completeSignIn(db, input.ticket, userId, now, client(input))
}

async function verifyAssertion(
  db: Db,
  response: unknown,
  passkey: PasskeyRow,
  rp: RelyingParty,
  expect: {
    purpose: ChallengePurpose
    userId: number | null
    requireUserVerification: boolean
    now: number
  },
): Promise<boolean> {
  const verification = await verifyAuthenticationResponse({
    response: response as AuthenticationResponseJSON,
    expectedChallenge: (challenge) =>
      usesChallenge(db, challenge, expect.purpose, expect.userId, expect.now),
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: {
      id: passkey.credentialId,
      publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
      counter: passkey.counter,
      transports: passkey.transports as never,
    },
    requireUserVerification: expect.requireUserVerification,
  }).catch(() => null)
  if (!verification?.verified) return false
  await touchPasskey(db, passkey.id, verification.authenticationInfo.newCounter, expect.now)
  return true
}

async function passkeyOf(
  db: Db,
  response: unknown,
): Promise<(PasskeyRow & { userId: number }) | undefined> {
  const id = (response as { id?: unknown } | null)?.id
  if (typeof id !== 'string' || id.length === 0 || id.length > 1400) return undefined
  return findPasskeyByCredential(db, id)
}

async function saveChallenge(
  db: Db,
  challenge: string,
  purpose: ChallengePurpose,
  userId: number | null,
  now: number,
): Promise<void> {
  await deleteExpiredChallenges(db, now) // by the expiry index; keeps the table to live rows
  await insertChallenge(
    db,
    { idHash: hashToken(challenge), purpose, userId, expiresAt: now + CHALLENGE_TTL_MS },
    now,
  )
}

/** True when the challenge is live, of this purpose and account; it is used up either way. */
async function usesChallenge(
  db: Db,
  challenge: string,
  purpose: ChallengePurpose,
  userId: number | null,
  now: number,
): Promise<boolean> {
  const taken = await takeChallenge(db, hashToken(challenge), purpose, now)
  return taken !== undefined && taken.userId === userId
}

function counted(userId: number, ip: string, now: number): Promise<number> {
  return takeEach(
    [
      [twoFactorLimits.account, `user:${userId}`],
      [twoFactorLimits.ip, ip],
    ],
    now,
  )
}

function refused(): Result<never> {
  return fail.invalid('passkey', msg('That passkey was not accepted. Try again.'))
}

function expired(): Result<never> {
  return fail.invalid('code', msg('This sign-in has expired. Sign in with your password again.'))
}
