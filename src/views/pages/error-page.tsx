import { t } from '../../i18n/index.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface ErrorPageProps {
  site: SiteContext
  status: number
  title: string
  message: string
  /** Where to go next; the home page when none are given. */
  links?: { href: string; label: string }[]
}

/** A 4xx/5xx page: what happened in plain words and where to go next. Never indexed. */
export function ErrorPage({ site, status, title, message, links }: ErrorPageProps) {
  const next =
    links !== undefined && links.length > 0
      ? links
      : [{ href: '/', label: t('{site} home', { site: site.name }) }]
  return (
    <Layout site={site} meta={{ title, noindex: true }}>
      <div class="error-page">
        <p class="error-status">{t('Error {status}', { status: String(status) })}</p>
        <h1>{title}</h1>
        <p>{message}</p>
        <ul class="error-links">
          {next.map((link) => (
            <li key={link.href}>
              <a href={link.href}>{link.label}</a>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  )
}
