import type { SiteContext } from '../site.js'

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
        </ul>
      </div>
    </footer>
  )
}
