import type { SiteContext } from '../site.js'
import { KeyboardShortcutsDialog } from '../components/keyboard-shortcuts.js'

/** A small footer: what the site is, and the links a visitor looks for at the bottom of a page. */
export function SiteFooter({ site }: { site: SiteContext }) {
  return (
    <footer class="site-footer">
      <div class="site-footer-inner">
        <p>
          {site.name}: questions and answers for people who build kernels, drivers, file systems and
          network stacks.
        </p>
        <ul class="footer-links">
          <li>
            <a href="/tags">All tags</a>
          </li>
          <li>
            <a href="/search">Search</a>
          </li>
          <li>
            <a href="/ask">Ask a question</a>
          </li>
          {/* Shown by the keyboard-shortcuts island: without JavaScript there are no shortcuts. */}
          <li>
            <button class="link-button" type="button" data-shortcuts-open hidden>
              Keyboard shortcuts <kbd>?</kbd>
            </button>
          </li>
        </ul>
      </div>
      <KeyboardShortcutsDialog />
    </footer>
  )
}
