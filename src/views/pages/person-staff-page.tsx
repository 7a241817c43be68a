/**
 * /u/:username/staff (moderators and admins): a person's standing (role, trust level, silenced or
 * suspended until when and why) and the forms that change it: silence and suspend for some days with
 * a reason the person sees, the trust level, and for admins the staff title and the role.
 */
import { date, msg, t, tx } from '../../i18n/index.js'
import type { PersonStaffView } from '../../domain/staff-actions/index.js'
import {
  CsrfField,
  ErrorSummary,
  FieldFrame,
  formPageTitle,
  TextField,
  describedBy,
} from '../components/form-fields.js'
import type { FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export type PersonStaffAction = 'silence' | 'suspend' | 'trust' | 'title' | 'role'

export interface PersonStaffPageProps {
  site: SiteContext
  person: PersonStaffView
  /** Admins also set titles and roles. */
  canAdminister: boolean
  /** A refused form, refilled, with its field named. */
  refused?: { action: PersonStaffAction; form: FormState<Record<string, string>> }
  /** Characters a title may have. */
  titleMax: number
}

/** Trust levels and roles, each with its name as people read it. */
const TRUST_LEVELS = [
  ['new', msg('new')],
  ['member', msg('member')],
  ['trusted', msg('trusted')],
] as const
const ROLES = [
  ['member', msg('member')],
  ['moderator', msg('moderator')],
  ['admin', msg('admin')],
] as const

const nameOf = (pairs: readonly (readonly [string, string])[], value: string): string => {
  const found = pairs.find(([v]) => v === value)
  return found === undefined ? value : t(found[1])
}

function Select(props: {
  id: string
  name: string
  label: string
  options: readonly (readonly [string, string])[]
  value: string
  error: string | undefined
}) {
  return (
    <FieldFrame id={props.id} label={props.label} error={props.error}>
      <select
        id={props.id}
        name={props.name}
        aria-invalid={props.error !== undefined ? 'true' : undefined}
        aria-describedby={describedBy(props.id, false, props.error)}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={value === props.value}>
            {t(label)}
          </option>
        ))}
      </select>
    </FieldFrame>
  )
}

function PenaltyForm(props: {
  kind: 'silence' | 'suspend'
  person: PersonStaffView
  csrfToken: string | null
  form: FormState<Record<string, string>> | undefined
}) {
  const { kind, person, form } = props
  const until = kind === 'silence' ? person.silencedUntil : person.suspendedUntil
  const base = `/u/${encodeURIComponent(person.username)}/staff/${kind}`
  const verb = kind === 'silence' ? t('Silence') : t('Suspend')
  return (
    <section class="staff-group" aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`}>{verb}</h2>
      <p class="hint">
        {kind === 'silence'
          ? t('A silenced person can read but not post; they see the reason on every page.')
          : t(
              'A suspended person cannot sign in (every session ends); they see the reason at sign-in.',
            )}
      </p>
      {until !== null && (
        <form method="post" action={base} class="inline-form">
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="days" value="0" />
          <button class="button button-quiet" type="submit">
            {kind === 'silence' ? t('Unsilence now') : t('Lift the suspension now')}
          </button>
        </form>
      )}
      <form method="post" action={base} class="stacked-form">
        <CsrfField token={props.csrfToken} />
        <TextField
          id={`${kind}-days`}
          name="days"
          label={t('Days')}
          value={form?.values.days ?? ''}
          error={form?.errors.days}
          required
          maxLength={5}
        />
        <TextField
          id={`${kind}-reason`}
          name="reason"
          label={t('Reason (the person sees it)')}
          value={form?.values.reason ?? ''}
          error={form?.errors.reason}
          required
          maxLength={500}
        />
        <button class="button" type="submit">
          {verb}
        </button>
      </form>
    </section>
  )
}

function Standing({ person }: { person: PersonStaffView }) {
  const until = (at: number | null, reason: string | null) =>
    at === null || at <= Date.now()
      ? t('no')
      : reason
        ? t('until {date}: {reason}', { date: date(at), reason })
        : t('until {date}', { date: date(at) })
  return (
    <dl class="person-standing">
      <dt>{t('Role')}</dt>
      <dd data-field="role">{nameOf(ROLES, person.role)}</dd>
      <dt>{t('Title')}</dt>
      <dd data-field="title">{person.title ?? '—'}</dd>
      <dt>{t('Trust level')}</dt>
      <dd data-field="trust">
        {nameOf(TRUST_LEVELS, person.trustLevel)}
        {person.trustLevelLocked ? ` ${t('(set by staff)')}` : ''}
      </dd>
      <dt>{t('Silenced')}</dt>
      <dd data-field="silenced">{until(person.silencedUntil, person.silenceReason)}</dd>
      <dt>{t('Suspended')}</dt>
      <dd data-field="suspended">{until(person.suspendedUntil, person.suspendReason)}</dd>
      <dt>{t('Joined')}</dt>
      <dd>{date(person.createdAt)}</dd>
    </dl>
  )
}

export function PersonStaffPage({
  site,
  person,
  canAdminister,
  refused,
  titleMax,
}: PersonStaffPageProps) {
  const formOf = (action: PersonStaffAction) =>
    refused?.action === action ? refused.form : undefined
  const base = `/u/${encodeURIComponent(person.username)}/staff`
  const trust = formOf('trust')
  const title = formOf('title')
  const role = formOf('role')
  const heading = t('Staff: {username}', { username: person.username })
  return (
    <Layout
      site={site}
      meta={{ title: refused ? formPageTitle(heading, refused.form) : heading, noindex: true }}
    >
      <div class="form-page form-page-wide">
        {refused !== undefined && (
          <ErrorSummary
            form={refused.form}
            fields={[
              ['days', `${refused.action}-days`],
              ['reason', `${refused.action}-reason`],
              ['level', 'trust-level'],
              ['title', 'staff-title'],
              ['role', 'staff-role'],
            ]}
          />
        )}
        <h1>
          {tx('Staff: <a>{username}</a>', {
            username: person.username,
            a: (chunks) => <a href={`/users/${encodeURIComponent(person.username)}`}>{chunks}</a>,
          })}
        </h1>
        <Standing person={person} />
        <PenaltyForm
          kind="silence"
          person={person}
          csrfToken={site.csrfToken}
          form={formOf('silence')}
        />
        <PenaltyForm
          kind="suspend"
          person={person}
          csrfToken={site.csrfToken}
          form={formOf('suspend')}
        />
        <section class="staff-group" aria-labelledby="trust-heading">
          <h2 id="trust-heading">{t('Trust level')}</h2>
          <form method="post" action={`${base}/trust`} class="stacked-form">
            <CsrfField token={site.csrfToken} />
            <Select
              id="trust-level"
              name="level"
              label={t('Level (automatic promotion then leaves it alone)')}
              options={TRUST_LEVELS}
              value={trust?.values.level ?? person.trustLevel}
              error={trust?.errors.level}
            />
            <button class="button" type="submit">
              {t('Set trust level')}
            </button>
          </form>
        </section>
        {canAdminister && (
          <section class="staff-group" aria-labelledby="title-heading">
            <h2 id="title-heading">{t('Title and role')}</h2>
            <form method="post" action={`${base}/title`} class="stacked-form">
              <CsrfField token={site.csrfToken} />
              <TextField
                id="staff-title"
                name="title"
                label={t(
                  'Title shown beside the name (up to {max, number} characters; empty: none)',
                  { max: titleMax },
                )}
                value={title?.values.title ?? person.title ?? ''}
                error={title?.errors.title}
                maxLength={titleMax * 2}
              />
              <button class="button" type="submit">
                {t('Set title')}
              </button>
            </form>
            <form method="post" action={`${base}/role`} class="stacked-form">
              <CsrfField token={site.csrfToken} />
              <Select
                id="staff-role"
                name="role"
                label={t('Role')}
                options={ROLES}
                value={role?.values.role ?? person.role}
                error={role?.errors.role}
              />
              <button class="button" type="submit">
                {t('Set role')}
              </button>
            </form>
          </section>
        )}
      </div>
    </Layout>
  )
}
