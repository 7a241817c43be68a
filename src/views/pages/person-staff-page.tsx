/**
 * /u/:username/staff (moderators and admins): a person's standing (role, trust level, silenced or
 * suspended until when and why) and the forms that change it: silence and suspend for some days with
 * a reason the person sees, the trust level, and for admins the staff title and the role.
 */
import { formatDate } from '../../domain/format/index.js'
import type { PersonStaffView } from '../../domain/staff-actions/index.js'
import {
  CsrfField,
  ErrorSummary,
  FieldFrame,
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

const TRUST_LEVELS = ['new', 'member', 'trusted'] as const
const ROLES = ['member', 'moderator', 'admin'] as const

function Select(props: {
  id: string
  name: string
  label: string
  options: readonly string[]
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
        {props.options.map((o) => (
          <option key={o} value={o} selected={o === props.value}>
            {o}
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
  const verb = kind === 'silence' ? 'Silence' : 'Suspend'
  return (
    <section class="staff-group" aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`}>{verb}</h2>
      <p class="hint">
        {kind === 'silence'
          ? 'A silenced person can read but not post; they see the reason on every page.'
          : 'A suspended person cannot sign in (every session ends); they see the reason at sign-in.'}
      </p>
      {until !== null && (
        <form method="post" action={base} class="inline-form">
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="days" value="0" />
          <button class="button button-quiet" type="submit">
            {kind === 'silence' ? 'Unsilence now' : 'Lift the suspension now'}
          </button>
        </form>
      )}
      <form method="post" action={base} class="stacked-form">
        <CsrfField token={props.csrfToken} />
        <TextField
          id={`${kind}-days`}
          name="days"
          label="Days"
          value={form?.values.days ?? ''}
          error={form?.errors.days}
          required
          maxLength={5}
        />
        <TextField
          id={`${kind}-reason`}
          name="reason"
          label="Reason (the person sees it)"
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
    at === null || at <= Date.now() ? 'no' : `until ${formatDate(at)}${reason ? `: ${reason}` : ''}`
  return (
    <dl class="person-standing">
      <dt>Role</dt>
      <dd data-field="role">{person.role}</dd>
      <dt>Title</dt>
      <dd data-field="title">{person.title ?? '—'}</dd>
      <dt>Trust level</dt>
      <dd data-field="trust">
        {person.trustLevel}
        {person.trustLevelLocked ? ' (set by staff)' : ''}
      </dd>
      <dt>Silenced</dt>
      <dd data-field="silenced">{until(person.silencedUntil, person.silenceReason)}</dd>
      <dt>Suspended</dt>
      <dd data-field="suspended">{until(person.suspendedUntil, person.suspendReason)}</dd>
      <dt>Joined</dt>
      <dd>{formatDate(person.createdAt)}</dd>
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
  return (
    <Layout
      site={site}
      meta={{ title: `${refused ? 'Error: ' : ''}Staff: ${person.username}`, noindex: true }}
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
          Staff: <a href={`/users/${encodeURIComponent(person.username)}`}>{person.username}</a>
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
          <h2 id="trust-heading">Trust level</h2>
          <form method="post" action={`${base}/trust`} class="stacked-form">
            <CsrfField token={site.csrfToken} />
            <Select
              id="trust-level"
              name="level"
              label="Level (automatic promotion then leaves it alone)"
              options={TRUST_LEVELS}
              value={trust?.values.level ?? person.trustLevel}
              error={trust?.errors.level}
            />
            <button class="button" type="submit">
              Set trust level
            </button>
          </form>
        </section>
        {canAdminister && (
          <section class="staff-group" aria-labelledby="title-heading">
            <h2 id="title-heading">Title and role</h2>
            <form method="post" action={`${base}/title`} class="stacked-form">
              <CsrfField token={site.csrfToken} />
              <TextField
                id="staff-title"
                name="title"
                label={`Title shown beside the name (up to ${titleMax} characters; empty: none)`}
                value={title?.values.title ?? person.title ?? ''}
                error={title?.errors.title}
                maxLength={titleMax * 2}
              />
              <button class="button" type="submit">
                Set title
              </button>
            </form>
            <form method="post" action={`${base}/role`} class="stacked-form">
              <CsrfField token={site.csrfToken} />
              <Select
                id="staff-role"
                name="role"
                label="Role"
                options={ROLES}
                value={role?.values.role ?? person.role}
                error={role?.errors.role}
              />
              <button class="button" type="submit">
                Set role
              </button>
            </form>
          </section>
        )}
      </div>
    </Layout>
  )
}
