/**
 * /admin/tags (admins): every tag with its thread count, each linking to its admin page, and the form
 * that creates a tag. /admin/tags/:slug: rename, describe, merge into another tag, delete when empty.
 */
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

export const SLUG_HINT = 'Lower-case letters, digits and hyphens, such as network-extension.'

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
    <Layout site={site} meta={{ title: formPageTitle('Tags', form), noindex: true }}>
      <div class="form-page form-page-wide">
        <AdminCrumb />
        <ErrorSummary form={form} fields={CREATE_FIELDS} />
        <h1>Tags</h1>
        <section aria-labelledby="new-tag">
          <h2 id="new-tag">New tag</h2>
          <form class="stacked-form" method="post" action="/admin/tags">
            <CsrfField token={site.csrfToken} />
            <TextField
              id="tag-slug"
              name="slug"
              label="Slug"
              hint={SLUG_HINT}
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
              label="Name"
              value={form.values.name}
              error={form.errors.name}
              required
              maxLength={limits.nameMax}
            />
            <TextAreaField
              id="tag-description"
              name="description"
              label="Description"
              hint="Shown at the top of the tag's page."
              value={form.values.description}
              error={form.errors.description}
              rows={3}
              maxLength={limits.descriptionMax}
            />
            <FormActions>
              <button class="button" type="submit">
                Create tag
              </button>
            </FormActions>
          </form>
        </section>
        <section aria-labelledby="all-tags">
          <h2 id="all-tags">All tags</h2>
          {tags.length === 0 ? (
            <p>There are no tags yet.</p>
          ) : (
            <table class="thread-table admin-table">
              <thead>
                <tr>
                  <th scope="col">Tag</th>
                  <th scope="col">Name</th>
                  <th scope="col">Threads</th>
                </tr>
              </thead>
              <tbody>
                {tags.map((tag) => (
                  <tr>
                    <td>
                      <a href={`/admin/tags/${encodeURIComponent(tag.slug)}`}>{tag.slug}</a>
                    </td>
                    <td>{tag.name}</td>
                    <td>{tag.threadCount}</td>
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
    <Layout site={site} meta={{ title: formPageTitle(`Tag ${tag.slug}`, form), noindex: true }}>
      <div class="form-page form-page-wide">
        <p class="admin-crumb">
          <a href="/admin">Administration</a> › <a href="/admin/tags">Tags</a>
        </p>
        <ErrorSummary form={form} fields={TAG_FIELDS} />
        <h1>
          Tag <a href={`/tags/${encodeURIComponent(tag.slug)}`}>{tag.slug}</a>
        </h1>
        <p class="lede">
          {tag.name}: {tag.threadCount} {tag.threadCount === 1 ? 'thread' : 'threads'}.
        </p>
        {oldSlugs.length > 0 && (
          <p class="tag-old-slugs">
            Old addresses that redirect here:{' '}
            {oldSlugs.map((slug, i) => (
              <>
                {i > 0 && ', '}
                <code>{slug}</code>
              </>
            ))}
          </p>
        )}
        <section aria-labelledby="rename">
          <h2 id="rename">Rename</h2>
          <p>The old address keeps working: it redirects to the new one.</p>
          <form class="stacked-form" method="post" action={`${base}/rename`}>
            <CsrfField token={site.csrfToken} />
            <TextField
              id="rename-slug"
              name="slug"
              label="Slug"
              hint={SLUG_HINT}
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
              label="Name"
              value={values.name}
              error={errors.name}
              required
              maxLength={limits.nameMax}
            />
            <FormActions>
              <button class="button" type="submit">
                Rename
              </button>
            </FormActions>
          </form>
        </section>
        <section aria-labelledby="describe">
          <h2 id="describe">Description</h2>
          <form class="stacked-form" method="post" action={`${base}/describe`}>
            <CsrfField token={site.csrfToken} />
            <TextAreaField
              id="describe-description"
              name="description"
              label="Description"
              hint="Shown at the top of the tag's page."
              value={values.description}
              error={errors.description}
              rows={4}
              maxLength={limits.descriptionMax}
            />
            <FormActions>
              <button class="button" type="submit">
                Save description
              </button>
            </FormActions>
          </form>
        </section>
        <section aria-labelledby="merge">
          <h2 id="merge">Merge into another tag</h2>
          <p>
            Its threads take the other tag, its watchers follow, this tag is deleted and its address
            redirects to the other tag.
          </p>
          <form class="stacked-form" method="post" action={`${base}/merge`}>
            <CsrfField token={site.csrfToken} />
            <TextField
              id="merge-into"
              name="into"
              label="Slug of the tag to merge into"
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
                Merge
              </button>
            </FormActions>
          </form>
        </section>
        <section aria-labelledby="delete">
          <h2 id="delete">Delete</h2>
          <p>Only a tag on no thread can be deleted.</p>
          <form method="post" action={`${base}/delete`} id="delete-tag">
            <CsrfField token={site.csrfToken} />
            <FieldError id="delete-tag" message={errors.delete} />
            <button class="button button-quiet" type="submit">
              Delete {tag.slug}
            </button>
          </form>
        </section>
      </div>
    </Layout>
  )
}
