/**
 * Checks chosen attachments before the form is sent (`data-max-files`, `data-max-bytes` each): too
 * many files or one too large is said beside the field and the browser will not submit the form, so a
 * question is never sent only to come back for a file. Without JavaScript the server checks the same
 * limits and brings the form back filled in.
 */
import { formatByteSize } from '../../views/components/byte-size.js'
import { number, pageLocale, t } from '../lib/i18n.js'

export function fileLimit(el: HTMLElement): void {
  const input = el as HTMLInputElement
  const maxFiles = Number(input.dataset.maxFiles)
  const maxBytes = Number(input.dataset.maxBytes)
  const message = input.ownerDocument.getElementById(input.dataset.message ?? '')
  if (message === null) return
  const check = () => {
    const files = [...(input.files ?? [])]
    const tooBig = files.filter((f) => f.size > maxBytes)
    const size = formatByteSize(maxBytes, pageLocale())
    const names = tooBig.map((f) => f.name).join(', ')
    const problem =
      files.length > maxFiles
        ? t('You chose {count} files; attach at most {max}.', {
            count: number(files.length),
            max: number(maxFiles),
          })
        : tooBig.length === 1
          ? t('{name} is larger than {size}; attach a smaller file or paste the relevant part.', {
              name: names,
              size,
            })
          : tooBig.length > 1
            ? t(
                '{names} are larger than {size}; attach a smaller file or paste the relevant part.',
                { names, size },
              )
            : ''
    input.setCustomValidity(problem)
    message.textContent = problem
    message.hidden = problem === ''
  }
  input.addEventListener('change', check)
  check()
}
