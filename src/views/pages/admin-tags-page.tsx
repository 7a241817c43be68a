/**
 * /admin/tags (admins): every tag with its thread count, each linking to its admin page, and the form
 * that creates a tag. /admin/tags/:slug: rename, describe, merge into another tag, delete when empty.
 */
import { msg, number, t, tx } from '../../i18n/index.js'
import type { TagSummary } from '../../domain/tags/index.js'
import { AdminCrumb } from '../components/admin-fields.js'
import {
  CsrfField,
  ErrorSummary,
  FieldError,
  FormActions,
  formPageTitle,
  TextAreaField,
  TextField,
} from '../components/form-fields.js'
import type { FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface TagLimits {
  slugMax: number
  slugPattern: string
  nameMax: number
  descriptionMax: number
}

export interface TagFormValues {
  slug: string
  name: string
  description: string
  into: string
}

export const SLUG_HINT = msg('Lower-case letters, digits and hyphens, such as network-extension.')

export interface AdminTagsPageProps {
  site: SiteContext
  tags: TagSummary[]
  limits: TagLimits
  form: FormState<TagFormValues>
}

const CREATE_FIELDS = [
  ['slug', 'tag-slug'],
  ['name', 'tag-name'],
  ['description', 'tag-description'],
] as const

export function AdminTagsPage({ site, tags, limits, form }: AdminTagsPageProps) {
  return (
    <Layout site={site} meta={{ title: formPageTitle(t('Tags'), form), noindex: true }}>
      <div class="form-page form-page-wide">
        <AdminCrumb />
        <ErrorSummary form={form} fields={CREATE_FIELDS} />
        <h1>{t('Tags')}</h1>
        <section aria-labelledby="new-tag">
          <h2 id="new-tag">{t('New tag')}</h2>
          <form class="stacked-form" method="post" action="/admin/tags">
            <CsrfField token={site.csrfToken} />
            <TextField
              id="tag-slug"
              name="slug"
              label={t('Slug')}
              hint={t(SLUG_HINT)}
              value={form.values.slug}
              error={form.errors.slug}
              required
              maxLength={limits.slugMax}
              autocapitalize="none"
              spellcheck={false}
            />
            <TextField
              id="tag-name"
              name="name"
              label={t('Name')}
              value={form.values.name}
              error={form.errors.name}
              required
              maxLength={limits.nameMax}
            />
            <TextAreaField
              id="tag-description"
              name="description"
              label={t('Description')}
              hint={t('Shown at the top of the tag’s page.')}
              value={form.values.description}
              error={form.errors.description}
              rows={3}
              maxLength={limits.descriptionMax}
            />
            <FormActions>
              <button class="button" type="submit">
                {t('Create tag')}
              </button>
            </FormActions>
          </form>
        </section>
        <section aria-labelledby="all-tags">
          <h2 id="all-tags">{t('All tags')}</h2>
          {tags.length === 0 ? (
            <p>{t('There are no tags yet.')}</p>
          ) : (
            <table class="thread-table admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('Tag')}</th>
                  <th scope="col">{t('Name')}</th>
                  <th scope="col">{t('Threads')}</th>
                </tr>
              </thead>
              <tbody>
                {tags.map((tag) => (
                  <tr>
                    <td>
                      <a href={`/admin/tags/${encodeURIComponent(tag.slug)}`}>{tag.slug}</a>
                    </td>
                    <td>{tag.name}</td>
                    <td>{number(tag.threadCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </Layout>
  )
}

export interface AdminTagPageProps {
  site: SiteContext
  tag: TagSummary
  /** The other tags' slugs, suggested in the merge field. */
  otherSlugs: string[]
  /** Old slugs (renames, merged tags) whose addresses redirect to this tag. */
  oldSlugs: string[]
  limits: TagLimits
  /** Which form came back, with its values and messages. */
  form: FormState<TagFormValues> & { which?: 'rename' | 'describe' | 'merge' | 'delete' }
}

const TAG_FIELDS = [
  ['slug', 'rename-slug'],
  ['name', 'rename-name'],
  ['description', 'describe-description'],
  ['into', 'merge-into'],
  ['delete', 'delete-tag'],
] as const

export function AdminTagPage({ site, tag, otherSlugs, oldSlugs, limits, form }: AdminTagPageProps) {
  const base = `/admin/tags/${encodeURIComponent(tag.slug)}`
  const { values, errors } = form
  return (
    <Layout
      site={site}
      meta={{ title: formPageTitle(t('Tag {slug}', { slug: tag.slug }), form), noindex: true }}
    >
      <div class="form-page form-page-wide">
        <p class="admin-crumb">
          <a href="/admin">{t('Administration')}</a> › <a href="/admin/tags">{t('Tags')}</a>
        </p>
        <ErrorSummary form={form} fields={TAG_FIELDS} />
        <h1>
          {tx('Tag <a>{slug}</a>', {
            slug: tag.slug,
            a: (chunks) => <a href={`/tags/${encodeURIComponent(tag.slug)}`}>{chunks}</a>,
          })}
        </h1>
        <p class="lede">
          {t('{name}: {count, plural, one {# thread} other {# threads}}.', {
            name: tag.name,
            count: tag.threadCount,
          })}
        </p>
        {oldSlugs.length > 0 && (
          <p class="tag-old-slugs">
            {tx('Old addresses that redirect here: {slugs}', {
              slugs: (
                <>
                  {oldSlugs.map((slug, i) => (
                    <>
                      {i > 0 && ', '}
                      <code>{slug}</code>
                    </>
                  ))}
                </>
              ),
            })}
          </p>
        )}
        <section aria-labelledby="rename">
          <h2 id="rename">{t('Rename')}</h2>
          <p>{t('The old address keeps working: it redirects to the new one.')}</p>
          <form class="stacked-form" method="post" action={`${base}/rename`}>
            <CsrfField token={site.csrfToken} />
            <TextField
              id="rename-slug"
              name="slug"
              label={t('Slug')}
              hint={t(SLUG_HINT)}
              value={values.slug}
              error={errors.slug}
              required
              maxLength={limits.slugMax}
              autocapitalize="none"
              spellcheck={false}
            />
            <TextField
              id="rename-name"
              name="name"
              label={t('Name')}
              value={values.name}
              error={errors.name}
              required
              maxLength={limits.nameMax}
            />
            <FormActions>
              <button class="button" type="submit">
                {t('Rename')}
              </button>
            </FormActions>
          </form>
        </section>
        <section aria-labelledby="describe">
          <h2 id="describe">{t('Description')}</h2>
          <form class="stacked-form" method="post" action={`${base}/describe`}>
            <CsrfField token={site.csrfToken} />
            <TextAreaField
              id="describe-description"
              name="description"
              label={t('Description')}
              hint={t('Shown at the top of the tag’s page.')}
              value={values.description}
              error={errors.description}
              rows={4}
              maxLength={limits.descriptionMax}
            />
            <FormActions>
              <button class="button" type="submit">
                {t('Save description')}
              </button>
            </FormActions>
          </form>
        </section>
        <section aria-labelledby="merge">
          <h2 id="merge">{t('Merge into another tag')}</h2>
          <p>
            {t(
              'Its threads take the other tag, its watchers follow, this tag is deleted and its address redirects to the other tag.',
            )}
          </p>
          <form class="stacked-form" method="post" action={`${base}/merge`}>
            <CsrfField token={site.csrfToken} />
            <TextField
              id="merge-into"
              name="into"
              label={t('Slug of the tag to merge into')}
              list="merge-targets"
              value={values.into}
              error={errors.into}
              required
              maxLength={limits.slugMax}
              autocapitalize="none"
              spellcheck={false}
            />
            <datalist id="merge-targets">
              {otherSlugs.map((slug) => (
                <option value={slug} />
              ))}
            </datalist>
            <FormActions>
              <button class="button" type="submit">
                {t('Merge')}
              </button>
            </FormActions>
          </form>
        </section>
        <section aria-labelledby="delete">
          <h2 id="delete">{t('Delete')}</h2>
          <p>{t('Only a tag on no thread can be deleted.')}</p>
          <form method="post" action={`${base}/delete`} id="delete-tag">
            <CsrfField token={site.csrfToken} />
            <FieldError id="delete-tag" message={errors.delete} />
            <button class="button button-quiet" type="submit">
              {t('Delete {slug}', { slug: tag.slug })}
            </button>
          </form>
        </section>
      </div>
    </Layout>
  )
}
