/**
 * Form body schemas. Every field is an optional string: the domain validates content and the page comes
 * back filled in with a message next to the field (422). The schema's job is shape: unknown fields such
 * as `role` or `userId` are refused outright (400), so nothing can be mass-assigned (SECURITY.md row 14).
 */
import { Type, type Static, type TObject, type TOptional, type TString } from '@sinclair/typebox'

type FormShape<K extends string> = TObject<{ [P in K | '_csrf']: TOptional<TString> }>

/**
 * What the schema lets through for a text field: far over every limit the domain checks (a post body is
 * 64 KB), so a long text reaches the domain, whose refusal brings the form back with all of it; only
 * input no form produces is a 400.
 */
export const FIELD_TRANSPORT_MAX = 1_000_000

export function formBody<const K extends string>(
  fields: readonly K[],
  maxLength = FIELD_TRANSPORT_MAX,
): FormShape<K> {
  const properties = Object.fromEntries([
    ...fields.map((f) => [f, Type.Optional(Type.String({ maxLength }))]),
    ['_csrf', Type.Optional(Type.String({ maxLength: 500 }))],
  ])
  return Type.Object(properties, { additionalProperties: false }) as unknown as FormShape<K>
}

/**
 * Characters a `next` address may not hold at all: controls (a CR or LF cannot go in a Location header;
 * a tab is dropped by browsers, so `/\t/host` becomes `//host`) and backslashes (read as `/`).
 */
const UNSAFE_NEXT_CHARS = /[\u0000-\u001f\u007f\\]/

/** `next` in a query string or form: a 400 naming it when it holds a control character. */
export const NextField = Type.String({ maxLength: 500, pattern: '^[^\\u0000-\\u001f\\u007f]*$' })

/** `website` is the honeypot, `started` the signed time the form was shown, `invite` an invitation code. */
export const RegisterForm = formBody(
  ['username', 'email', 'password', 'website', 'started', 'invite'],
  2000,
)
export type RegisterForm = Static<typeof RegisterForm>
export const LoginForm = Type.Object(
  { ...formBody(['login', 'password'], 2000).properties, next: Type.Optional(NextField) },
  { additionalProperties: false },
)
export type LoginForm = Static<typeof LoginForm>
/** `username` is the hidden field that ties the new password to the account in password managers. */
export const PasswordForm = formBody(['current_password', 'new_password', 'username'], 2000)
export type PasswordForm = Static<typeof PasswordForm>
export const BodyForm = formBody(['body'])
export type BodyForm = Static<typeof BodyForm>
export const EditForm = formBody(['title', 'body', 'intent', 'staffNote', 'reason'])
export type EditForm = Static<typeof EditForm>
export const ToggleForm = formBody(['state'], 10)
export type ToggleForm = Static<typeof ToggleForm>

export const PostParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,9}$' }) })
export type PostParams = Static<typeof PostParams>

/** "on"/"off" from a toggle form; undefined (toggle) when absent. */
export function toggleState(value: string | undefined): boolean | undefined {
  if (value === 'on' || value === '1' || value === 'true') return true
  if (value === 'off' || value === '0' || value === 'false') return false
  return undefined
}

/**
 * A same-origin path to return to after signing in: `next` is resolved against the public origin and
 * kept only when it stays there and its raw form has no control character or backslash; anything else
 * (`//evil.test`, `https://...`, `/\t/host`, `/\\host`) becomes "/".
 * @example safeNext('/tags/kernel?page=2', 'https://forum.test') // '/tags/kernel?page=2'
 * @example safeNext('/%09/evil.test', 'https://forum.test') // '/%09/evil.test' (a path on this site)
 */
export function safeNext(next: string | undefined, publicUrl: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || UNSAFE_NEXT_CHARS.test(next))
    return '/'
  let resolved: URL
  try {
    resolved = new URL(next, publicUrl)
  } catch {
    return '/'
  }
  if (resolved.origin !== new URL(publicUrl).origin) return '/'
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`
  return path.startsWith('//') || path.length > 500 ? '/' : path
}

export const SessionForm = formBody(['session'], 200)
export type SessionForm = Static<typeof SessionForm>
/** `username` is the hidden field that lets password managers tie the password to the account. */
export const DeleteAccountForm = formBody(['password', 'confirm', 'username'], 2000)
export type DeleteAccountForm = Static<typeof DeleteAccountForm>
export const EmptyForm = formBody([], 10)
export const ForgotForm = formBody(['login'], 2000)
export type ForgotForm = Static<typeof ForgotForm>
/** `username` is the hidden field password managers read; it is ignored. */
export const ResetForm = formBody(['token', 'password', 'username'], 2000)
export type ResetForm = Static<typeof ResetForm>
export const ConfirmForm = formBody(['token'], 200)
export type ConfirmForm = Static<typeof ConfirmForm>
export const EmailChangeForm = formBody(['email', 'password'], 2000)
export type EmailChangeForm = Static<typeof EmailChangeForm>
/** A link's `?token=`: any text up to 200 characters (a wrong one gets a clear page, not a 400). */
export const TokenQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) })
export type TokenQuery = Static<typeof TokenQuery>
