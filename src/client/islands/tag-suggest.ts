/**
 * Suggestions for every entry of a comma-separated tags field, not only the first: the field's
 * `<datalist>` starts as the tag names (what the browser suggests without JavaScript); as the person
 * types, it becomes "what is typed so far, then each tag that starts with the last entry", so picking a
 * suggestion completes the last tag and keeps the others.
 */
export function tagSuggest(el: HTMLElement): void {
  const input = el as HTMLInputElement
  const list = input.list
  if (list === null) return
  const names = [...list.options].map((o) => o.value)
  const update = () => {
    const cut = input.value.lastIndexOf(',')
    const head = cut < 0 ? '' : `${input.value.slice(0, cut + 1).trimEnd()} `
    const last = input.value
      .slice(cut + 1)
      .trim()
      .toLowerCase()
    const chosen = new Set(
      head
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter((t) => t !== ''),
    )
    const options = names
      .filter((n) => !chosen.has(n.toLowerCase()) && n.toLowerCase().startsWith(last))
      .map((n) => {
        const option = input.ownerDocument.createElement('option')
        option.value = `${head}${n}`
        return option
      })
    list.replaceChildren(...options)
  }
  input.addEventListener('input', update)
}
