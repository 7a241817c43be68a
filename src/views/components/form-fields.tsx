/**
 * Building blocks for every form: the CSRF field, the GOV.UK-style error summary, and labelled fields
 * whose hint and error are tied to the control with aria-describedby. Forms work without JavaScript;
 * a failed post comes back through `FormState` with the values refilled and one message per field.
 */
import type { ComponentChildren } from 'preact'
import { t } from '../../i18n/index.js'
import type { FormState } from '../forms.js'

/** The hidden CSRF token every POST form carries (left out only when the request has no session). */
export function CsrfField({ token }: { token: string | null }) {
  return token === null ? null : <input type="hidden" name="_csrf" value={token} />
}

/** The ids a field's hint and error use, derived from the control's id. */
export function hintId(id: string): string {
  return `${id}-hint`
}
export function errorId(id: string): string {
  return `${id}-error`
}

/**
 * The aria-describedby value for a control: its hint, then its error, when present.
 * @example describedBy('ask-title', true, 'Too short') // "ask-title-hint ask-title-error"
 */
export function describedBy(id: string, hasHint: boolean, error: string | undefined) {
  const ids = [hasHint ? hintId(id) : '', error !== undefined ? errorId(id) : ''].filter(
    (s) => s !== '',
  )
  return ids.length === 0 ? undefined : ids.join(' ')
}

/** True when the form came back with any problem, for the "Error: " document-title prefix. */
export function hasProblems(form: FormState<unknown>): boolean {
  return form.formError !== undefined || Object.keys(form.errors).length > 0
}

/**
 * A page title that starts with "Error: " when the form came back with problems (as GOV.UK does).
 * `title` is in the page's language already.
 */
export function formPageTitle(title: string, form: FormState<unknown>): string {
  return hasProblems(form) ? t('Error: {title}', { title }) : title
}

export interface ErrorSummaryProps {
  form: FormState<unknown>
  /** The form's fields in page order: field name -> control id, so each message links to its control. */
  fields: readonly (readonly [name: string, id: string])[]
  /** Unique on the page. */
  id?: string
}

/**
 * "There is a problem", then each message as a link to its field, in the order the fields appear.
 * Messages for fields the form does not show, and the form-level error, are listed without a link.
 * tabindex -1 lets the error-summary island move focus here when the page loads.
 */
export function ErrorSummary({ form, fields, id = 'error-summary' }: ErrorSummaryProps) {
  if (!hasProblems(form)) return null
  const known = new Set(fields.map(([name]) => name))
  const titleId = `${id}-title`
  return (
    <div
      class="error-summary"
      id={id}
      aria-labelledby={titleId}
      tabIndex={-1}
      data-island="error-summary"
    >
      <h2 class="error-summary-title" id={titleId}>
        {t('There is a problem')}
      </h2>
      <ul class="error-summary-list">
        {form.formError !== undefined && <li>{form.formError}</li>}
        {fields.map(([name, controlId]) => {
          const message = form.errors[name]
          return message === undefined ? null : (
            <li key={name}>
              <a href={`#${controlId}`}>{message}</a>
            </li>
          )
        })}
        {Object.entries(form.errors)
          .filter(([name]) => !known.has(name))
          .map(([name, message]) => (
            <li key={name}>{message}</li>
          ))}
      </ul>
    </div>
  )
}

/** The message under a label, tied to the control; "Error:" is spoken, the colour is not relied on. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (message === undefined) return null
  return (
    <p class="field-error" id={errorId(id)}>
      <span class="visually-hidden">{t('Error:')} </span>
      {message}
    </p>
  )
}

interface FieldFrameProps {
  id: string
  label: string
  hint?: ComponentChildren
  error?: string
  children: ComponentChildren
}

/** Label above the control, then hint, then error (GOV.UK order), in a group marked when invalid. */
export function FieldFrame({ id, label, hint, error, children }: FieldFrameProps) {
  return (
    <div class={error === undefined ? 'field' : 'field has-error'}>
      <label class="field-label" for={id}>
        {label}
      </label>
      {hint !== undefined && (
        <p class="field-hint" id={hintId(id)}>
          {hint}
        </p>
      )}
      <FieldError id={id} message={error} />
      {children}
    </div>
  )
}

export interface TextFieldProps {
  id: string
  name: string
  label: string
  type?: 'text' | 'email' | 'password' | 'search'
  /** Ignored for passwords: a password is never sent back to the browser. */
  value?: string
  hint?: ComponentChildren
  error?: string
  autocomplete?: string
  required?: boolean
  minLength?: number
  maxLength?: number
  spellcheck?: boolean
  autocapitalize?: 'none' | 'off'
  /** The id of a `<datalist>` of suggestions. */
  list?: string
  /** An island that enhances the input (e.g. `tag-suggest`). */
  island?: string
}

/** A labelled single-line input with its hint and error; a password field is never refilled. */
export function TextField(props: TextFieldProps) {
  const { id, error } = props
  const common = {
    id,
    name: props.name,
    autocomplete: props.autocomplete,
    required: props.required,
    minLength: props.minLength,
    maxLength: props.maxLength,
    spellcheck: props.spellcheck,
    autocapitalize: props.autocapitalize,
    list: props.list,
    'data-island': props.island,
    'aria-invalid': error !== undefined ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, props.hint !== undefined, error),
  }
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={error}>
      {props.type === 'password' ? (
        <input type="password" {...common} />
      ) : (
        // The cast picks one branch of Preact's per-type input union; all three take the same attributes.
        <input type={(props.type ?? 'text') as 'text'} value={props.value} {...common} />
      )}
    </FieldFrame>
  )
}

/**
 * The account's own password, asked again to confirm who is at the keyboard (sign-in, a sensitive
 * change): never refilled, named for password managers as the current password.
 */
export function CurrentPasswordField(props: {
  id: string
  name?: string
  label?: string
  hint?: ComponentChildren
  error?: string | undefined
}) {
  return (
    <TextField
      id={props.id}
      name={props.name ?? 'password'}
      type="password"
      label={props.label ?? t('Your password')}
      hint={props.hint}
      error={props.error}
      autocomplete="current-password"
      required
    />
  )
}

export interface TextAreaFieldProps {
  id: string
  name: string
  label: string
  value?: string
  hint?: ComponentChildren
  error?: string
  rows?: number
  required?: boolean
  maxLength?: number
  /**
   * The most UTF-8 bytes the field may hold (a post body). The text-limit island counts as the person
   * types, shows how much is left near the limit, and holds the form back over it; the server checks
   * the same limit and sends the form back, refilled, when it is passed.
   */
  maxBytes?: number
  /** Markdown source: monospace, no spell-check squiggles in code. */
  markdown?: boolean
}

/**
 * The listbox of the @mention autocomplete under a Markdown field: empty and hidden; the
 * mention-suggest island makes it a listbox and fills it as the person types `@ab` (without JavaScript
 * it stays a hidden, empty list).
 */
function MentionList({ fieldId }: { fieldId: string }) {
  return (
    <ul
      id={`${fieldId}-mentions`}
      class="mention-list"
      data-island="mention-suggest"
      data-for={fieldId}
      data-endpoint="/mentions/suggest"
      hidden
    />
  )
}

/** A labelled textarea with its hint and error; Markdown fields are monospace. */
export function TextAreaField(props: TextAreaFieldProps) {
  const { id, error } = props
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={error}>
      {/* The Markdown toolbar: empty and hidden until its island fills it (no dead buttons). */}
      {props.markdown === true && (
        <div class="md-toolbar" data-island="markdown-toolbar" data-for={id} hidden />
      )}
      <textarea
        id={id}
        name={props.name}
        class={props.markdown === true ? 'markdown-input' : undefined}
        rows={props.rows ?? 10}
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={error !== undefined ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint !== undefined, error)}
        value={props.value ?? ''}
        data-island={props.maxBytes !== undefined ? 'text-limit' : undefined}
        data-max-bytes={props.maxBytes}
        data-counter={props.maxBytes !== undefined ? `${id}-count` : undefined}
      />
      {props.maxBytes !== undefined && (
        <p id={`${id}-count`} class="field-count" aria-live="polite" hidden />
      )}
      {props.markdown === true && <MentionList fieldId={id} />}
    </FieldFrame>
  )
}

/** A row of submit buttons (and links) at the end of a form. */
export function FormActions({ children }: { children: ComponentChildren }) {
  return <div class="form-actions">{children}</div>
}
