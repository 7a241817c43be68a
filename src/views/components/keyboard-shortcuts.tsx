/** The list of keyboard shortcuts, every page's; a dialog the keyboard-shortcuts island opens. */
import { Fragment } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { currentLocale, msg, t, type Locale } from '../../i18n/index.js'

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
 *
 * Every page has it and it says the same on every page of a language, so its inside is rendered once per
 * language and kept: ~80 elements, 30–45 µs a page, about 3 % of an uncached five-post thread page's CPU
 * (issue 29; docs/performance.md).
 */
export function KeyboardShortcutsDialog() {
  const locale = currentLocale()
  let inside = rendered.get(locale)
  if (inside === undefined) rendered.set(locale, (inside = renderToString(<DialogInside />)))
  return (
    <dialog
      class="shortcuts-dialog"
      data-island="keyboard-shortcuts"
      aria-labelledby="shortcuts-title"
      // Our own static markup, rendered by Preact (which escaped every text) in this page's language.
      dangerouslySetInnerHTML={{ __html: inside }}
    />
  )
}

/** The dialog's inside per language, rendered on first use. */
const rendered = new Map<Locale, string>()

function DialogInside() {
  return (
    <>
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
    </>
  )
}
