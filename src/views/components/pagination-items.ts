/** One slot of a pagination bar: a page number or a gap ("…"). */
export type PaginationItem = { kind: 'page'; page: number } | { kind: 'gap'; key: string }

/**
 * The pages a pagination bar shows: the first, the last, and two either side of the current one,
 * with a gap wherever pages are skipped. A gap that would hide a single page shows that page instead,
 * since "…" is no shorter than the number it replaces.
 * @example paginationItems(10, 20) // 1 … 8 9 10 11 12 … 20
 */
export function paginationItems(current: number, pageCount: number, around = 2): PaginationItem[] {
  const shown = new Set<number>([1, pageCount])
  for (let p = current - around; p <= current + around; p += 1) shown.add(p)
  const pages = [...shown].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b)
  const items: PaginationItem[] = []
  let previous = 0
  for (const page of pages) {
    if (page - previous === 2) items.push({ kind: 'page', page: previous + 1 })
    else if (page - previous > 2) items.push({ kind: 'gap', key: `gap-${previous}` })
    items.push({ kind: 'page', page })
    previous = page
  }
  return items
}
