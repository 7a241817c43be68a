/**
 * Drafts in the composer: the notice above a form refilled from the person's saved draft (with its
 * "Discard draft" button, a plain form that works without JavaScript), and the composer island's hook
 * inside the form, which saves the draft as the person types and warns before leaving unsaved text.
 */
import { t, tx } from '../../i18n/index.js'
import { CsrfField } from './form-fields.js'
import { RelativeTime } from './relative-time.js'

export interface DraftNoticeProps {
  /** When the restored draft was last saved (epoch ms). */
  savedAt: number
  now: number
  /** The thread of the reply; null for the question on /ask. */
  threadId: number | null
  csrfToken: string | null
}

/** "Your draft is restored", with when it was saved and a button that discards it. */
export function DraftNotice({ savedAt, now, threadId, csrfToken }: DraftNoticeProps) {
  return (
    <div class="notice draft-notice" data-draft-notice>
      <p>
        {tx('Your unposted draft is restored below (saved {age}).', {
          age: <RelativeTime at={savedAt} now={now} />,
        })}
      </p>
      <form method="post" action="/drafts/discard" data-draft-discard>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="thread" value={threadId === null ? '' : String(threadId)} />
        <button class="button button-quiet" type="submit">
          {t('Discard draft')}
        </button>
      </form>
    </div>
  )
}

export interface ComposerHookProps {
  /**
   * Where drafts of this form are saved: a thread id for its reply, 'ask' for the question; absent for a
   * form whose text is not kept as a draft (editing a post), which still warns before leaving.
   */
  draft?: number | 'ask'
}

/**
 * The composer island's element: a polite status line ("Draft saved") that stays hidden until the
 * island runs. Placed inside the form whose fields it keeps.
 */
export function ComposerHook({ draft }: ComposerHookProps) {
  return (
    <p
      class="field-hint draft-status"
      data-island="composer"
      data-draft={draft === undefined ? undefined : String(draft)}
      aria-live="polite"
      hidden
    />
  )
}
