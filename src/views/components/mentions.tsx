import type { Mention, ThreadMentions } from '../../domain/signatures/index.js'
import { countNoun } from './count-noun.js'

/** "2 other threads", or "more than 999 other threads" when the count stopped early. */
function others(mention: Mention): { n: number; text: string } {
  const n = mention.threadCount - 1
  const text = countNoun(n, 'other thread')
  return { n, text: mention.threadCountIsLowerBound ? `more than ${text}` : text }
}

/** The link of one mention; its title says how many threads share it. */
function MentionLink({ mention }: { mention: Mention }) {
  const { n, text } = others(mention)
  const title =
    n > 0
      ? `${text} ${n === 1 ? 'mentions' : 'mention'} ${mention.label}`
      : `Only this thread mentions ${mention.label}`
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
      <span class="mentions-label">Mentions:</span>{' '}
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
        <span class="mentions-more"> and {countNoun(mentions.moreSymbols, 'more symbol')}</span>
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
      {crashes.map((c) => {
        const { n, text } = others(c)
        return (
          <li key={c.key} class="crash-note">
            <span class="crash-note-label">Crash</span>{' '}
            <a href={c.href} title={c.detail}>
              <code>{c.key}</code>
            </a>
            {': '}
            {n === 0
              ? 'no other thread shares this crash yet.'
              : `${text} ${n === 1 ? 'shares' : 'share'} this crash.`}
          </li>
        )
      })}
    </ul>
  )
}
