/**
 * /admin/webhooks (admins): the endpoints with their events, a form to add one (its signing secret shown
 * once), and, per endpoint, the log of delivery attempts with "Redeliver".
 */
import {
  WEBHOOK_EVENTS,
  WEBHOOK_URL_MAX,
  type DeliveryView,
  type EndpointView,
} from '../../domain/webhooks/index.js'
import { t, tx } from '../../i18n/index.js'
import {
  CsrfField,
  ErrorSummary,
  FieldError,
  FormActions,
  TextField,
  formPageTitle,
} from '../components/form-fields.js'
import { RelativeTime } from '../components/relative-time.js'
import type { FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface WebhookValues {
  url: string
  events: string[]
  description: string
}

export interface AdminWebhooksPageProps {
  site: SiteContext
  endpoints: EndpointView[]
  form: FormState<WebhookValues>
  /** An endpoint just added: its secret, shown this once. */
  created: { url: string; secret: string } | null
}

export function AdminWebhooksPage({ site, endpoints, form, created }: AdminWebhooksPageProps) {
  return (
    <Layout site={site} meta={{ title: formPageTitle(t('Webhooks'), form), noindex: true }}>
      <div class="form-page form-page-wide">
        <h1>{t('Webhooks')}</h1>
        <p class="lede">
          {tx(
            'Quorum POSTs a signed JSON message (Standard Webhooks) to each endpoint for the events it asked for, after the change is saved, and retries a failed one for about a day. See <a>the API reference</a>.',
            { a: (c) => <a href="/api/docs">{c}</a> },
          )}
        </p>
        {created !== null && (
          <div class="notice-success" role="status">
            <p>{t('Added {url}. Its signing secret, shown this once:', { url: created.url })}</p>
            <p>
              <code class="webhook-secret">{created.secret}</code>
            </p>
          </div>
        )}
        {endpoints.length === 0 ? (
          <p>{t('No endpoint yet.')}</p>
        ) : (
          <table class="webhook-list">
            <thead>
              <tr>
                <th scope="col">{t('Endpoint')}</th>
                <th scope="col">{t('Events')}</th>
                <th scope="col">{t('Added')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('Actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((e) => (
                <tr data-endpoint={e.id}>
                  <td>
                    <a href={`/admin/webhooks/${e.id}`}>{e.url}</a>
                    {e.description !== '' && <div>{e.description}</div>}
                  </td>
                  <td>{e.events.join(', ')}</td>
                  <td>
                    <RelativeTime at={e.createdAt} now={site.now} />
                  </td>
                  <td>
                    <form method="post" action={`/admin/webhooks/${e.id}/delete`}>
                      <CsrfField token={site.csrfToken} />
                      <button class="button button-quiet button-small" type="submit">
                        {tx('Remove<hidden> {name}</hidden>', {
                          name: e.url,
                          hidden: (c) => <span class="visually-hidden">{c}</span>,
                        })}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>{t('Add an endpoint')}</h2>
        <ErrorSummary
          form={form}
          fields={[
            ['url', 'webhook-url'],
            ['events', 'webhook-event-thread-created'],
            ['description', 'webhook-description'],
          ]}
        />
        <form method="post" action="/admin/webhooks">
          <CsrfField token={site.csrfToken} />
          <TextField
            id="webhook-url"
            name="url"
            label={t('URL')}
            hint={t(
              'http or https; loopback and private addresses only when the site settings allow them.',
            )}
            value={form.values.url}
            error={form.errors.url}
            required
            maxLength={WEBHOOK_URL_MAX}
          />
          <fieldset class={form.errors.events === undefined ? 'field' : 'field has-error'}>
            <legend class="field-label">{t('Events')}</legend>
            <FieldError id="webhook-events" message={form.errors.events} />
            {WEBHOOK_EVENTS.map((event) => {
              const id = `webhook-event-${event.replace('.', '-')}`
              return (
                <div class="checkbox">
                  <input
                    type="checkbox"
                    id={id}
                    name="events"
                    value={event}
                    checked={form.values.events.includes(event)}
                  />
                  <label for={id}>
                    <code>{event}</code>
                  </label>
                </div>
              )
            })}
          </fieldset>
          <TextField
            id="webhook-description"
            name="description"
            label={t('Description (optional)')}
            value={form.values.description}
            error={form.errors.description}
            maxLength={200}
          />
          <FormActions>
            <button class="button button-primary" type="submit">
              {t('Add endpoint')}
            </button>
          </FormActions>
        </form>
      </div>
    </Layout>
  )
}

export interface AdminWebhookPageProps {
  site: SiteContext
  endpoint: EndpointView
  deliveries: DeliveryView[]
  notice: string | null
}

/** /admin/webhooks/:id: one endpoint's delivery attempts, newest first. */
export function AdminWebhookPage({ site, endpoint, deliveries, notice }: AdminWebhookPageProps) {
  return (
    <Layout site={site} meta={{ title: t('Webhook: {url}', { url: endpoint.url }), noindex: true }}>
      <div class="form-page form-page-wide">
        {notice !== null && (
          <div class="notice-success" role="status">
            <p>{notice}</p>
          </div>
        )}
        <p>
          <a href="/admin/webhooks">{t('All webhooks')}</a>
        </p>
        <h1>{endpoint.url}</h1>
        <p class="lede">{t('Events: {events}', { events: endpoint.events.join(', ') })}</p>
        {deliveries.length === 0 ? (
          <p>{t('Nothing sent yet.')}</p>
        ) : (
          <table class="delivery-list">
            <thead>
              <tr>
                <th scope="col">{t('When')}</th>
                <th scope="col">{t('Event')}</th>
                <th scope="col">{t('Attempt')}</th>
                <th scope="col">{t('Answer')}</th>
                <th scope="col">{t('Time')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('Actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr data-delivery={d.id}>
                  <td>
                    <RelativeTime at={d.createdAt} now={site.now} />
                  </td>
                  <td>
                    <code>{d.eventType}</code> <code>{d.messageId}</code>
                  </td>
                  <td>{d.attempt}</td>
                  <td>
                    {d.statusCode ?? t('none')}
                    {d.error !== null && <div>{d.error}</div>}
                    {d.responseExcerpt !== null && d.responseExcerpt !== '' && (
                      <details>
                        <summary>{t('Body')}</summary>
                        <pre class="code" tabIndex={0}>
                          <code>{d.responseExcerpt}</code>
                        </pre>
                      </details>
                    )}
                  </td>
                  <td>{t('{ms} ms', { ms: d.latencyMs })}</td>
                  <td>
                    <form method="post" action={`/admin/webhooks/deliveries/${d.id}/redeliver`}>
                      <CsrfField token={site.csrfToken} />
                      <button class="button button-quiet button-small" type="submit">
                        {t('Redeliver')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Layout>
  )
}
