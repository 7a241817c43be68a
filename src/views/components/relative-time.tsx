import { age as ageOf } from '../../i18n/index.js'

/**
 * A moment shown as an age ("8h", "Jul ’25"), with the machine-readable instant in `datetime`
 * and the full timestamp in `title`. `now` comes from the site context, so rendering stays pure.
 */
export function RelativeTime({ at, now }: { at: number; now: number }) {
  const age = ageOf(at, now)
  return (
    <time datetime={age.iso} title={age.title}>
      {age.label}
    </time>
  )
}
