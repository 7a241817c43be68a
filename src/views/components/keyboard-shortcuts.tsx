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

/** The composer's shortcuts (client/islands/markdown-toolbar.ts), in the text field of a post form. */
const COMPOSER_SHORTCUTS: [keys: string[], what: string][] = [
  [['Ctrl', 'Shift', 'L'], msg('Code block')],
  [['Ctrl', 'E'], msg('Inline code')],
  [['Ctrl', 'K'], msg('Link')],
  [['Ctrl', 'Shift', '.'], msg('Quote')],
  [['Ctrl', 'Shift', '8'], msg('List')],
  [['Ctrl', 'Enter'], msg('Post the form')],
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
        {COMPOSER_SHORTCUTS.map(([keys, what]) => (
          <div key={what}>
            <dt>
              {keys.map((key, i) => (
                <Fragment key={key}>
                  {i > 0 && '+'}
                  <kbd>{key}</kbd>
                </Fragment>
              ))}
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
