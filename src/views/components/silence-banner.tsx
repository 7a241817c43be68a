/**
 * The banner a silenced person sees on every page: they can read but not post until the date staff
 * set. Their reason comes with each refusal (and in what staff told them).
 */
import type { SiteContext } from '../site.js'

export function SilenceBanner({ site }: { site: SiteContext }) {
  const until = site.viewer?.silencedUntil ?? null
  if (until === null || until <= site.now) return null
  const date = new Date(until).toISOString().slice(0, 10)
  return (
    <div class="silence-banner" role="region" aria-label="Your account is silenced">
      <p>
        {`Your account is silenced until ${date}: you can read, but you cannot ask, reply, comment, edit, boost or accept answers until then.`}
      </p>
    </div>
  )
}
