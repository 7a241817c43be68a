/** The tag page: its thread table, and how that table renders on a narrow screen. */
import { BasePage } from './base-page.js'

export interface CardCheck {
  rows: number
  /** Rows laid out as cards (not table rows). */
  cardRows: number
  /** Numeric and activity cells showing their column label before the value. */
  labelledCells: number
  cellsNeedingLabels: number
  /** Column headers still in the accessibility tree (not display:none). */
  headersExposed: boolean
}

export class TagPage extends BasePage {
  async goto(slug: string, query = ''): Promise<number> {
    return this.open(`/tags/${encodeURIComponent(slug)}${query}`)
  }

  async threadTitles(): Promise<string[]> {
    return this.page.locator('tbody .thread-title').allTextContents()
  }

  /** How the thread table is drawn: on a phone each row is a card whose cells say what they are. */
  async cardLayout(): Promise<CardCheck> {
    return this.page.evaluate(() => {
      const rows = [...document.querySelectorAll<HTMLElement>('.thread-table tbody tr')]
      const cells = [
        ...document.querySelectorAll<HTMLElement>('.thread-table tbody td[data-label]'),
      ]
      const labelled = cells.filter((td) => {
        const before = getComputedStyle(td, '::before').content
        return before.includes(td.dataset.label ?? '\u0000')
      })
      const thead = document.querySelector<HTMLElement>('.thread-table thead')
      return {
        rows: rows.length,
        cardRows: rows.filter((tr) => getComputedStyle(tr).display !== 'table-row').length,
        labelledCells: labelled.length,
        cellsNeedingLabels: cells.length,
        headersExposed: thead !== null && getComputedStyle(thead).display !== 'none',
      }
    })
  }
}
