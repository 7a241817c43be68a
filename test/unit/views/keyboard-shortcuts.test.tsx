import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import { withLocale } from '../../../src/i18n/index.js'
import { KeyboardShortcutsDialog } from '../../../src/views/components/keyboard-shortcuts.js'
import { parseHtml } from '../../support/html.js'

const render = (locale: 'en' | 'de') =>
  withLocale(locale, () => renderToString(<KeyboardShortcutsDialog />))

describe('the keyboard shortcuts dialog', () => {
  it('lists every shortcut inside the dialog the island opens', () => {
    const dialog = parseHtml(render('en')).querySelector('dialog.shortcuts-dialog')
    expect(dialog?.getAttribute('data-island')).toBe('keyboard-shortcuts')
    expect(dialog?.querySelector('#shortcuts-title')?.textContent).toBe('Keyboard shortcuts')
    expect(dialog?.querySelectorAll('.shortcuts-list > div')).toHaveLength(13)
    expect(dialog?.querySelector('form[method="dialog"] button')?.textContent).toBe('Close')
  })

  it('keeps one rendering per language, never the other language’s', () => {
    const english = render('en')
    const german = render('de')
    expect(german).toContain('Tastenkürzel')
    expect(german).not.toContain('Keyboard shortcuts')
    expect(render('en')).toBe(english)
    expect(render('de')).toBe(german)
  })
})
