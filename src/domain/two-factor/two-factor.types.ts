/** View models of two-factor sign-in. */

export interface PasskeySummary {
  id: number
  name: string
  createdAt: number
  lastUsedAt: number | null
}

/** What /settings/security shows. */
export interface SecurityOverview {
  totpEnabled: boolean
  unusedRecoveryCodes: number
  passkeys: PasskeySummary[]
}

/** A TOTP secret being set up: shown on the page until a code from it is confirmed. */
export interface TotpSetup {
  /** Base32, for typing into an app that cannot scan. */
  secret: string
  /** `otpauth://totp/...`, drawn as the QR code. */
  uri: string
}

/** Which second steps an account pending sign-in can take. */
export interface SecondStepMethods {
  totp: boolean
  passkey: boolean
}
