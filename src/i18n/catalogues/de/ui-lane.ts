/**
 * German for the interface the ui lane of issue 26 added: the phones' header menu and the composer's
 * shortcuts in the `?` list.
 */
export const UI_LANE = {
  Menu: 'Menü',
  'While writing a post': 'Beim Schreiben eines Beitrags',
  'In the text field; on a Mac, ⌘ stands for Ctrl.': 'Im Textfeld; auf dem Mac steht ⌘ für Strg.',
  'Post the form': 'Formular absenden',
} as const satisfies Record<string, string>
