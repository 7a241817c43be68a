import type { ComponentChildren } from 'preact'
import { t, tx } from '../../i18n/index.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface ApiOperation {
  method: string
  path: string
  summary: string
  description: string
  needsToken: boolean
  /** The operation takes a JSON body. */
  hasBody: boolean
  parameters: { name: string; in: string; required: boolean; description: string; type: string }[]
  statuses: string[]
}

export interface ApiDocsPageProps {
  site: SiteContext
  base: string
  operations: ApiOperation[]
}

const anchor = (op: ApiOperation) =>
  `${op.method}-${op.path}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/-+$/, '')

/** /api/docs: every operation of the OpenAPI document, with its parameters and a curl line. */
export function ApiDocsPage({ site, base, operations }: ApiDocsPageProps) {
  return (
    <Layout site={site} meta={{ title: t('API reference') }}>
      <div class="prose-page">
        <h1>{t('API reference')}</h1>
        <p class="lede">
          {tx(
            'JSON at <code>{base}</code>. The machine-readable description is <spec>openapi.json</spec> (OpenAPI 3.1). Errors are RFC 9457 problem details; lists page with a <code>cursor</code> and a <code>Link</code> header; reads answer <code>304</code> to a matching <code>If-None-Match</code>. Send a personal access token from <settings>your settings</settings> as <code>Authorization: Bearer …</code>.',
            {
              base,
              code: (chunks: ComponentChildren[]) => <code>{chunks}</code>,
              spec: (chunks: ComponentChildren[]) => <a href="/api/v1/openapi.json">{chunks}</a>,
              settings: (chunks: ComponentChildren[]) => <a href="/settings/tokens">{chunks}</a>,
            },
          )}
        </p>
        <nav aria-label={t('Operations')}>
          <ul>
            {operations.map((op) => (
              <li>
                <a href={`#${anchor(op)}`}>
                  <code>
                    {op.method} {op.path}
                  </code>
                </a>{' '}
                {op.summary}
              </li>
            ))}
          </ul>
        </nav>
        {operations.map((op) => (
          <section id={anchor(op)} class="api-operation">
            <h2>
              <code>
                {op.method} {op.path}
              </code>
            </h2>
            <p>{op.summary}</p>
            {op.description !== '' && <p>{op.description}</p>}
            {op.needsToken && <p>{t('Needs a token (or a signed-in session).')}</p>}
            {op.parameters.length > 0 && (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('Parameter')}</th>
                    <th scope="col">{t('In')}</th>
                    <th scope="col">{t('Type')}</th>
                    <th scope="col">{t('Notes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr>
                      <td>
                        <code>{p.name}</code>
                        {p.required ? ` ${t('(required)')}` : ''}
                      </td>
                      <td>{p.in}</td>
                      <td>{p.type}</td>
                      <td>{p.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p>{t('Answers: {statuses}', { statuses: op.statuses.join(', ') })}</p>
            {/* tabindex: a long command scrolls sideways, and keyboards must be able to scroll it.
                A shell command, not prose: never translated. */}
            <pre class="code" tabIndex={0}>
              <code>
                {'curl'}
                {op.method !== 'GET' ? ` -X ${op.method}` : ''}
                {op.needsToken ? ' -H "Authorization: Bearer $QUORUM_TOKEN"' : ''}
                {op.hasBody ? " -H 'content-type: application/json' -d @body.json" : ''} '{base}
                {op.path.replace(/\{(\w+)\}/g, ':$1')}'
              </code>
            </pre>
          </section>
        ))}
      </div>
    </Layout>
  )
}
