import type { Mention, ThreadMentions } from '../../domain/signatures/index.js'
import { t } from '../../i18n/index.js'

/** How many other threads share a mention ("more than" when the count stopped early). */
function others(mention: Mention): { count: number; lowerBound: boolean } {
  return { count: mention.threadCount - 1, lowerBound: mention.threadCountIsLowerBound }
}

/** "2 other threads mention ENOBUFS", "more than 999 other threads mention …", "Only this thread …". */
function mentionTitle(mention: Mention): string {
  const { count, lowerBound } = others(mention)
  const label = mention.label
  if (count <= 0) return t('Only this thread mentions {label}', { label })
  return lowerBound
    ? t(
        'more than {count, plural, one {# other thread mentions} other {# other threads mention}} {label}',
        { count, label },
      )
    : t('{count, plural, one {# other thread mentions} other {# other threads mention}} {label}', {
        count,
        label,
      })
}

/** "2 other threads share this crash.", or that none does yet. */
function crashShares(crash: Mention): string {
  const { count, lowerBound } = others(crash)
  if (count === 0) return t('no other thread shares this crash yet.')
  return lowerBound
    ? t(
        'more than {count, plural, one {# other thread shares} other {# other threads share}} this crash.',
        { count },
      )
    : t('{count, plural, one {# other thread shares} other {# other threads share}} this crash.', {
        count,
      })
}

/** The link of one mention; its title says how many threads share it. */
function MentionLink({ mention }: { mention: Mention }) {
  const title = mentionTitle(mention)
  return (
    <a class={`mention mention-${mention.kind}`} href={mention.href} title={title}>
      {mention.kind === 'symbol' ? <code>{mention.label}</code> : mention.label}
    </a>
  )
}

/**
 * "Mentions: macOS 26.1 (25B78) · ENOBUFS · socket() · FB12345678": what the thread's posts name, each linking
 * to every thread that shares it. Renders nothing when the thread mentions nothing we recognise.
 */
export function MentionsLine({ mentions }: { mentions: ThreadMentions }) {
  if (mentions.mentions.length === 0) return null
  return (
    <p class="mentions">
      <span class="mentions-label">{t('Mentions:')}</span>{' '}
      {mentions.mentions.map((m, i) => (
        <span key={`${m.kind}:${m.key}`}>
          {i > 0 && (
            <span class="mentions-sep" aria-hidden="true">
              {' · '}
            </span>
          )}
          {i > 0 && <span class="visually-hidden">, </span>}
          <MentionLink mention={m} />
        </span>
      ))}
      {mentions.moreSymbols > 0 && (
        <span class="mentions-more">
          {' '}
          {t('and {count, plural, one {# more symbol} other {# more symbols}}', {
            count: mentions.moreSymbols,
          })}
        </span>
      )}
    </p>
  )
}

/**
 * One note per crash fingerprint: "This crash (a1b2c3d4e5f6): 2 other threads share this crash." The id links
 * to the threads that share it; the note says so even when none does, so a reader knows it was recognised.
 */
export function CrashNotes({ crashes }: { crashes: Mention[] }) {
  if (crashes.length === 0) return null
  return (
    <ul class="crash-notes">
      {crashes.map((c) => (
        <li key={c.key} class="crash-note">
          <span class="crash-note-label">{t('Crash')}</span>{' '}
          <a href={c.href} title={c.detail}>
            <code>{c.key}</code>
          </a>
          {': '}
          {crashShares(c)}
        </li>
      ))}
    </ul>
  )
}
