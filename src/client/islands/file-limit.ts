/**
 * Checks chosen attachments before the form is sent (`data-max-files`, `data-max-bytes` each): too
 * many files or one too large is said beside the field and the browser will not submit the form, so a
 * question is never sent only to come back for a file. Without JavaScript the server checks the same
 * limits and brings the form back filled in.
 */
import { formatByteSize } from '../../views/components/byte-size.js'

export function fileLimit(el: HTMLElement): void {
  const input = el as HTMLInputElement
  const maxFiles = Number(input.dataset.maxFiles)
  const maxBytes = Number(input.dataset.maxBytes)
  const message = input.ownerDocument.getElementById(input.dataset.message ?? '')
  if (message === null) return
  const check = () => {
    const files = [...(input.files ?? [])]
    const tooBig = files.filter((f) => f.size > maxBytes)
    const problem =
      files.length > maxFiles
        ? `You chose ${files.length} files; attach at most ${maxFiles}.`
        : tooBig.length > 0
          ? `${tooBig.map((f) => f.name).join(', ')} ${tooBig.length === 1 ? 'is' : 'are'} larger than ${formatByteSize(maxBytes)}; attach a smaller file or paste the relevant part.`
          : ''
    input.setCustomValidity(problem)
    message.textContent = problem
    message.hidden = problem === ''
  }
  input.addEventListener('change', check)
  check()
}
