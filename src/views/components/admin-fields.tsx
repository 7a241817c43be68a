/**
 * Form controls the admin pages need beyond form-fields.tsx: a whole-number field and a choice, each
 * labelled, with its hint and error tied to the control like the other fields.
 */
import type { ComponentChildren } from 'preact'
import { t } from '../../i18n/index.js'
import { describedBy, FieldFrame } from './form-fields.js'

export function NumberField(props: {
  id: string
  name: string
  label: string
  value: string
  min: number
  max: number
  hint?: ComponentChildren
  error?: string | undefined
}) {
  const { id, error } = props
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={error}>
      <input
        type="number"
        id={id}
        name={props.name}
        value={props.value}
        min={props.min}
        max={props.max}
        step={1}
        required
        inputMode="numeric"
        aria-invalid={error !== undefined ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint !== undefined, error)}
      />
    </FieldFrame>
  )
}

export function SelectField(props: {
  id: string
  name: string
  label: string
  value: string
  /** [value, label] pairs, in order. */
  options: readonly (readonly [string, string])[]
  hint?: ComponentChildren
  error?: string | undefined
  required?: boolean
}) {
  const { id, error } = props
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={error}>
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={error !== undefined ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint !== undefined, error)}
      >
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </FieldFrame>
  )
}

/** The admin pages' breadcrumb back to the hub. */
export function AdminCrumb() {
  return (
    <p class="admin-crumb">
      <a href="/admin">{t('Administration')}</a>
    </p>
  )
}
