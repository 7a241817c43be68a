/**
 * The Staff section of a thread page (moderators and admins only): lock, pin site-wide or in a tag
 * with an optional expiry, close as a duplicate (with the most similar threads as one-click
 * candidates), move to other tags, merge the answers into another thread, delete or restore. Plain
 * forms with CSRF tokens: it all works without JavaScript. A refused form comes back refilled and open.
 */
import type { ThreadStaffPanel } from '../../domain/staff-actions/index.js'
import { date, t, tx } from '../../i18n/index.js'
import type { FormState } from '../forms.js'
import { CsrfField, FieldFrame, TextField, describedBy } from './form-fields.js'

/** Which staff form a refused post came from, with what was typed. */
export interface StaffFormState {
  action: 'pin' | 'close' | 'move' | 'merge'
  form: FormState<Record<string, string>>
}

interface StaffPanelProps {
  panel: ThreadStaffPanel
  /** The thread's tags as the move form starts from them ("kernel, usb"). */
  tagList: string
  questionId: number
  csrfToken: string | null
  refused?: StaffFormState
}

/** A form of one button (and hidden fields) posting to a staff route. */
function ButtonForm(props: {
  action: string
  csrfToken: string | null
  fields?: Record<string, string>
  label: string
}) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField token={props.csrfToken} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button class="button button-quiet" type="submit">
        {props.label}
      </button>
    </form>
  )
}

function PinForms({ panel, csrfToken, refused }: Omit<StaffPanelProps, 'tagList' | 'questionId'>) {
  const base = `/threads/${panel.threadId}/staff/pin`
  const form = refused?.action === 'pin' ? refused.form : undefined
  const siteLabel =
    panel.pinnedUntil === null
      ? t('Pinned site-wide')
      : t('Pinned site-wide until {date}', { date: date(panel.pinnedUntil) })
  const pins = [
    ...(panel.pinned ? [{ scope: 'site', label: siteLabel }] : []),
    ...panel.tags
      .filter((tag) => tag.pinned)
      .map((tag) => ({
        scope: tag.slug,
        label:
          tag.pinnedUntil === null
            ? t('Pinned in {tag}', { tag: tag.name })
            : t('Pinned in {tag} until {date}', { tag: tag.name, date: date(tag.pinnedUntil) }),
      })),
  ]
  const scopeError = form?.errors.scope
  return (
    <section class="staff-group" aria-labelledby="staff-pin">
      <h3 id="staff-pin">{t('Pin')}</h3>
      {pins.map((p) => (
        <p key={p.scope}>
          {p.label}{' '}
          <ButtonForm
            action={base}
            csrfToken={csrfToken}
            fields={{ scope: p.scope, state: 'off' }}
            label={t('Unpin')}
          />
        </p>
      ))}
      <form method="post" action={base} class="stacked-form">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="state" value="on" />
        <FieldFrame id="staff-pin-scope" label={t('Where')} error={scopeError}>
          <select
            id="staff-pin-scope"
            name="scope"
            aria-invalid={scopeError !== undefined ? 'true' : undefined}
            aria-describedby={describedBy('staff-pin-scope', false, scopeError)}
          >
            <option value="site" selected={form?.values.scope === 'site'}>
              {t('Site-wide (home and every tag)')}
            </option>
            {panel.tags.map((tag) => (
              <option key={tag.slug} value={tag.slug} selected={form?.values.scope === tag.slug}>
                {t('In {tag} only', { tag: tag.name })}
              </option>
            ))}
          </select>
        </FieldFrame>
        <TextField
          id="staff-pin-days"
          name="days"
          label={t('For how many days (empty: until unpinned)')}
          value={form?.values.days ?? ''}
          error={form?.errors.days}
          maxLength={4}
        />
        <button class="button" type="submit">
          {t('Pin thread')}
        </button>
      </form>
    </section>
  )
}

function CloseForms({
  panel,
  csrfToken,
  refused,
}: Omit<StaffPanelProps, 'tagList' | 'questionId'>) {
  const base = `/threads/${panel.threadId}/staff`
  if (panel.duplicateOf !== null)
    return (
      <section class="staff-group" aria-labelledby="staff-close">
        <h3 id="staff-close">{t('Duplicate')}</h3>
        <p>
          {tx('Closed as a duplicate of <link>thread {id}</link>.', {
            id: panel.duplicateOf,
            link: (c) => <a href={`/threads/${panel.duplicateOf}`}>{c}</a>,
          })}{' '}
          <ButtonForm action={`${base}/reopen`} csrfToken={csrfToken} label={t('Reopen')} />
        </p>
      </section>
    )
  const form = refused?.action === 'close' ? refused.form : undefined
  return (
    <section class="staff-group" aria-labelledby="staff-close">
      <h3 id="staff-close">{t('Close as a duplicate')}</h3>
      {panel.candidates.length > 0 && (
        <ul class="staff-candidates">
          {panel.candidates.map((c) => (
            <li key={c.id}>
              <a href={`/threads/${c.id}/${c.slug}`}>{c.title}</a>{' '}
              <ButtonForm
                action={`${base}/close`}
                csrfToken={csrfToken}
                fields={{ target: String(c.id) }}
                label={t('Duplicate of this')}
              />
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${base}/close`} class="stacked-form">
        <CsrfField token={csrfToken} />
        <TextField
          id="staff-close-target"
          name="target"
          label={t('Duplicate of (thread address or number)')}
          value={form?.values.target ?? ''}
          error={form?.errors.target}
          required
          maxLength={500}
        />
        <button class="button" type="submit">
          {t('Close as duplicate')}
        </button>
      </form>
    </section>
  )
}

/** The Staff section; rendered only when the page has a panel (staff viewers). */
export function StaffPanel(props: StaffPanelProps) {
  const { panel, csrfToken, refused } = props
  const base = `/threads/${panel.threadId}/staff`
  const move = refused?.action === 'move' ? refused.form : undefined
  const merge = refused?.action === 'merge' ? refused.form : undefined
  return (
    <details class="staff-panel" open={refused !== undefined}>
      <summary>{t('Staff')}</summary>
      {refused?.form.formError !== undefined && (
        <p class="notice" role="alert">
          {refused.form.formError}
        </p>
      )}
      <section class="staff-group" aria-labelledby="staff-lock">
        <h3 id="staff-lock">{t('Lock')}</h3>
        <p>
          {panel.locked ? t('Locked: only staff can reply or comment.') : t('Open for replies.')}{' '}
          <ButtonForm
            action={`${base}/lock`}
            csrfToken={csrfToken}
            fields={{ state: panel.locked ? 'off' : 'on' }}
            label={panel.locked ? t('Unlock thread') : t('Lock thread')}
          />
        </p>
      </section>
      <PinForms panel={panel} csrfToken={csrfToken} refused={refused} />
      <CloseForms panel={panel} csrfToken={csrfToken} refused={refused} />
      <section class="staff-group" aria-labelledby="staff-move">
        <h3 id="staff-move">{t('Move to other tags')}</h3>
        <form method="post" action={`${base}/move`} class="stacked-form">
          <CsrfField token={csrfToken} />
          <TextField
            id="staff-move-tags"
            name="tags"
            label={t('Tags (names or slugs, separated by commas)')}
            value={move?.values.tags ?? props.tagList}
            error={move?.errors.tags}
            required
            maxLength={500}
          />
          <button class="button" type="submit">
            {t('Move thread')}
          </button>
        </form>
      </section>
      <section class="staff-group" aria-labelledby="staff-merge">
        <h3 id="staff-merge">{t('Merge into another thread')}</h3>
        <form method="post" action={`${base}/merge`} class="stacked-form">
          <CsrfField token={csrfToken} />
          <TextField
            id="staff-merge-target"
            name="target"
            label={t('Move every reply to (thread address or number)')}
            hint={t('This thread is then closed as a duplicate of that one.')}
            value={merge?.values.target ?? ''}
            error={merge?.errors.target}
            required
            maxLength={500}
          />
          <button class="button" type="submit">
            {t('Merge replies')}
          </button>
        </form>
      </section>
      <section class="staff-group" aria-labelledby="staff-delete">
        <h3 id="staff-delete">{panel.deleted ? t('Restore') : t('Delete')}</h3>
        <ButtonForm
          action={`/posts/${props.questionId}/${panel.deleted ? 'restore' : 'delete'}`}
          csrfToken={csrfToken}
          label={panel.deleted ? t('Restore thread') : t('Delete thread')}
        />
      </section>
    </details>
  )
}
