/** The list of keyboard shortcuts, every page's; a dialog the keyboard-shortcuts island opens. */
import { Fragment } from 'preact'
import { msg, t } from '../../i18n/index.js'

/** Each shortcut's keys and what it does (English, marked for the catalogue; shown with t()). */
const SHORTCUTS: [keys: string[], what: string][] = [
  [['?'], msg('Show this list')],
  [['j'], msg('Next post')],
  [['k'], msg('Previous post')],
  [['r'], msg('Reply (on a thread page)')],
  [['/'], msg('Search')],
  [['g', 'h'], msg('Home')],
  [['Esc'], msg('Close this list')],
]

/**
 * The composer's shortcuts (client/islands/markdown-toolbar.ts), in the text field of a post form, written
 * as the toolbar's titles write them ("Strg+Umschalt+L" in German).
 */
const COMPOSER_SHORTCUTS: [shift: boolean, key: string, what: string][] = [
  [true, 'L', msg('Code block')],
  [false, 'E', msg('Inline code')],
  [false, 'K', msg('Link')],
  [true, '.', msg('Quote')],
  [true, '8', msg('List')],
  [false, 'Enter', msg('Post the form')],
]

/**
 * The dialog that lists the shortcuts, closed until `?` or the footer's button opens it. It is a plain
 * <dialog>: modal, Esc closes it and focus returns to where it was; the close button is a form with
 * method="dialog", so closing needs no script of its own.
 */
export function KeyboardShortcutsDialog() {
  return (
    <dialog
      class="shortcuts-dialog"
      data-island="keyboard-shortcuts"
      aria-labelledby="shortcuts-title"
    >
      <h2 id="shortcuts-title">{t('Keyboard shortcuts')}</h2>
      <p class="muted">{t('Not while typing in a field.')}</p>
      <dl class="shortcuts-list">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what}>
            <dt>
              {keys.map((key, i) => (
                <Fragment key={key}>
                  {i > 0 && ` ${t('then')} `}
                  <kbd>{key}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('While writing a post')}</h3>
      <p class="muted">{t('In the text field; on a Mac, ⌘ stands for Ctrl.')}</p>
      <dl class="shortcuts-list shortcuts-composer">
        {COMPOSER_SHORTCUTS.map(([shift, key, what]) => (
          <div key={what}>
            <dt>
              <kbd>{shift ? t('Ctrl+Shift+{key}', { key }) : t('Ctrl+{key}', { key })}</kbd>
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button class="button" type="submit">
          {t('Close')}
        </button>
      </form>
    </dialog>
  )
}
