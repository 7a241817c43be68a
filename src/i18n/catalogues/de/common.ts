/** German for the layout (header, footer, skip link) and the words many pages share. */
export const COMMON = {
  'Skip to content': 'Zum Inhalt springen',
  'Questions and answers for developers of kernels, drivers, file systems and network stacks.':
    'Fragen und Antworten für Entwickler von Kernels, Treibern, Dateisystemen und Netzwerk-Stacks.',
  'Your account is silenced': 'Ihr Konto ist stummgeschaltet',
  'Notifications, {count, number} unread': 'Benachrichtigungen, {count, number} ungelesen',
  'Sign in': 'Anmelden',
  Register: 'Registrieren',
  Admin: 'Verwaltung',
  Review: 'Prüfen',
  Settings: 'Einstellungen',
  'Sign out': 'Abmelden',
  Main: 'Hauptnavigation',
  Tags: 'Tags',
  Ask: 'Fragen',
  Site: 'Website',
  'Search {site}': '{site} durchsuchen',
  Search: 'Suchen',
  '{site}: questions and answers for people who build kernels, drivers, file systems and network stacks.':
    '{site}: Fragen und Antworten für alle, die Kernels, Treiber, Dateisysteme und Netzwerk-Stacks bauen.',
  'All tags': 'Alle Tags',
  'Ask a question': 'Frage stellen',
  'Keyboard shortcuts': 'Tastenkürzel',
  Language: 'Sprache',
  'As my browser asks': 'Wie mein Browser es anfragt',
  'Saved.': 'Gespeichert.',
  'Language of the interface': 'Sprache der Oberfläche',
  'Posts stay in the language they were written in. This choice follows you to every device you sign in on.':
    'Beiträge bleiben in der Sprache, in der sie geschrieben wurden. Diese Wahl gilt auf jedem Gerät, auf dem Sie sich anmelden.',
  'Save language': 'Sprache speichern',
} as const satisfies Record<string, string>
