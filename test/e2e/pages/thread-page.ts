/** A thread page: the question, the replies, attachments and their previews. */
import { BasePage } from './base-page.js'

export class ThreadPage extends BasePage {
  async goto(path: string): Promise<number> {
    return this.open(path)
  }

  async title(): Promise<string> {
    return (await this.page.locator('h1').textContent()) ?? ''
  }

  /** The names on the post headings, in order ("Question by …", "Accepted answer by …"). */
  async postHeadings(): Promise<string[]> {
    return this.page.locator('article.post :is(h2, h3).visually-hidden').allTextContents()
  }

  /** Opens every folded attachment preview, so the walk also covers their content. */
  async expandPreviews(): Promise<void> {
    await this.page.evaluate(() =>
      document.querySelectorAll('details').forEach((d) => (d.open = true)),
    )
  }
}
