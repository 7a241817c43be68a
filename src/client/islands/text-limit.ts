/**
 * Counts a post body as the person types (`data-max-bytes`: the server's limit in UTF-8 bytes): from
 * 80 % of the limit it says how much is left, and over it how much too much, and the browser will not
 * submit the form (a custom validity message, which the browser shows on Post). Without JavaScript the
 * server checks the same limit and sends the form back with the text intact.
 */
import { formatByteSize } from '../../views/components/byte-size.js'
import { pageLocale, t } from '../lib/i18n.js'

const encoder = new TextEncoder()

export function textLimit(el: HTMLElement): void {
  const field = el as HTMLTextAreaElement
  const max = Number(field.dataset.maxBytes)
  const counter = field.ownerDocument.getElementById(field.dataset.counter ?? '')
  if (!Number.isFinite(max) || max <= 0 || counter === null) return
  const update = () => {
    const bytes = encoder.encode(field.value).byteLength
    const over = bytes - max
    counter.hidden = bytes < max * 0.8
    const size = (n: number) => formatByteSize(n, pageLocale())
    counter.textContent =
      over > 0
        ? t('{over} over the {max} limit: shorten it, or attach the log as a file.', {
            over: size(over),
            max: size(max),
          })
        : t('{left} left of {max}.', { left: size(max - bytes), max: size(max) })
    counter.classList.toggle('field-count-over', over > 0)
    field.setCustomValidity(
      over > 0
        ? t('This is {size}; the limit is {max}.', { size: size(bytes), max: size(max) })
        : '',
    )
  }
  field.addEventListener('input', update)
  update()
}
