/**
 * German for the shared components (src/views/components): posts and their controls, the thread table,
 * listing controls, pagination, forms, the staff panel. Words the islands also say are in client.ts.
 */
export const COMPONENTS = {
  // Posts
  'Question by {user}': 'Frage von {user}',
  Recommended: 'Empfohlen',
  'This post is hidden: flagged by the community.':
    'Dieser Beitrag ist verborgen: von der Community gemeldet.',
  'This post is hidden: waiting for a moderator’s approval.':
    'Dieser Beitrag ist verborgen: Er wartet auf die Freigabe durch die Moderation.',
  'This post is hidden: hidden by staff.': 'Dieser Beitrag ist verborgen: vom Team verborgen.',
  '<strong>Hidden from readers</strong>: {why}': '<strong>Für Leser verborgen</strong>: {why}',
  'Edit the post once to ask a moderator for another look; it stays hidden until then.':
    'Bearbeiten Sie den Beitrag einmal, um die Moderation um eine erneute Prüfung zu bitten; bis dahin bleibt er verborgen.',
  'This question was deleted.': 'Diese Frage wurde gelöscht.',
  'This reply was deleted.': 'Diese Antwort wurde gelöscht.',
  Edit: 'Bearbeiten',
  'edited {age}<hidden> (show the edit history)</hidden>':
    'bearbeitet {age}<hidden> (Bearbeitungsverlauf anzeigen)</hidden>',
  '{name} ({count, plural, one {# line} other {# lines}})':
    '{name} ({count, plural, one {# Zeile} other {# Zeilen}})',
  'Show all {count, plural, one {# line} other {# lines}} of {name}':
    'Alle {count, plural, one {# Zeile} other {# Zeilen}} von {name} anzeigen',
  '{count, plural, one {Attachment} other {# attachments}}':
    '{count, plural, one {Anhang} other {# Anhänge}}',
  '{count, plural, one {# comment} other {# comments}}':
    '{count, plural, one {# Kommentar} other {# Kommentare}}',
  'Hidden from readers: {why}': 'Für Leser verborgen: {why}',
  // Post controls
  Unrecommend: 'Nicht mehr empfehlen',
  Recommend: 'Empfehlen',
  'Delete this question? Readers will see that it was deleted.':
    'Diese Frage löschen? Leser sehen, dass sie gelöscht wurde.',
  'Delete this reply? Readers will see that it was deleted.':
    'Diese Antwort löschen? Leser sehen, dass sie gelöscht wurde.',
  Restore: 'Wiederherstellen',
  'Add a comment': 'Kommentar hinzufügen',
  'Short Markdown, up to {max, number} characters; post code and logs as a reply.':
    'Kurzes Markdown, bis zu {max, number} Zeichen; Code und Logs bitte als Antwort posten.',
  'Add comment': 'Kommentar senden',
  'Flag<hidden> this post for moderators</hidden>':
    '<hidden>Diesen Beitrag bei der Moderation </hidden>Melden',
  'Show again': 'Wieder anzeigen',
  Hide: 'Verbergen',
  'Why (the author sees this)': 'Begründung (für den Verfasser sichtbar)',
  'Hide from readers': 'Vor Lesern verbergen',
  // Composer and reply form
  'Markdown. Fence code, logs and crash reports with <code>```</code> on their own lines (name the language: <code>```c</code>) so every line break survives.':
    'Markdown. Fassen Sie Code, Logs und Crash-Logs mit <code>```</code> in eigenen Zeilen ein (mit der Sprache: <code>```c</code>), damit jeder Zeilenumbruch erhalten bleibt.',
  'Your unposted draft is restored below (saved {age}).':
    'Ihr noch nicht veröffentlichter Entwurf ist unten wiederhergestellt (gespeichert: {age}).',
  'Discard draft': 'Entwurf verwerfen',
  'Your reply': 'Ihre Antwort',
  'Up to {size}; attach longer logs to a question.':
    'Bis zu {size}; längere Logs hängen Sie an eine Frage an.',
  'Post reply': 'Antwort senden',
  // Forms
  'Error: {title}': 'Fehler: {title}',
  'There is a problem': 'Es gibt ein Problem',
  'Error:': 'Fehler:',
  'Your password': 'Ihr Passwort',
  'Link {provider}': '{provider} verknüpfen',
  'Sign in with {provider}': 'Mit {provider} anmelden',
  'Confirm your email address': 'Bestätigen Sie Ihre E-Mail-Adresse',
  'Confirm your email address to ask, reply and comment: open the link we sent to it.':
    'Bestätigen Sie Ihre E-Mail-Adresse, um fragen, antworten und kommentieren zu können: Öffnen Sie den Link, den wir Ihnen geschickt haben.',
  'Please confirm your email address: open the link we sent to it.':
    'Bitte bestätigen Sie Ihre E-Mail-Adresse: Öffnen Sie den Link, den wir Ihnen geschickt haben.',
  'Send again': 'Erneut senden',
  // Keyboard shortcuts
  'Show this list': 'Diese Liste anzeigen',
  'Next post': 'Nächster Beitrag',
  'Previous post': 'Vorheriger Beitrag',
  'Reply (on a thread page)': 'Antworten (auf einer Thread-Seite)',
  Home: 'Startseite',
  'Close this list': 'Diese Liste schließen',
  'Not while typing in a field.': 'Nicht während der Eingabe in ein Feld.',
  then: 'dann',
  Close: 'Schließen',
  // Thread lists: table, markers, listing controls, pagination
  Post: 'Beitrag',
  Views: 'Aufrufe',
  All: 'Alle',
  Solved: 'Gelöst',
  Unsolved: 'Ungelöst',
  Pinned: 'Angeheftet',
  Locked: 'Gesperrt',
  Descending: 'Absteigend',
  Ascending: 'Aufsteigend',
  Show: 'Anzeigen',
  Order: 'Reihenfolge',
  'Filter and sort posts': 'Beiträge filtern und sortieren',
  '{count, number} new since your last visit': '{count, number} neu seit Ihrem letzten Besuch',
  '{count} new': '{count} neu',
  '<arrow>← </arrow>Previous': '<arrow>← </arrow>Zurück',
  'Next<arrow> →</arrow>': 'Weiter<arrow> →</arrow>',
  Pagination: 'Seitennavigation',
  'Page {page, number}': 'Seite {page, number}',
  // Similar threads and mentions
  '{count, plural, one {# reply} other {# replies}} · shares {signatures}':
    '{count, plural, one {# Antwort} other {# Antworten}} · gemeinsam: {signatures}',
  '{count, plural, one {# reply} other {# replies}}':
    '{count, plural, one {# Antwort} other {# Antworten}}',
  'Similar threads': 'Ähnliche Threads',
  'Similar threads: is your question answered already?':
    'Ähnliche Threads: Ist Ihre Frage schon beantwortet?',
  'Only this thread mentions {label}': 'Nur dieser Thread erwähnt {label}',
  'more than {count, plural, one {# other thread mentions} other {# other threads mention}} {label}':
    'mehr als {count, plural, one {# anderer Thread erwähnt} other {# andere Threads erwähnen}} {label}',
  '{count, plural, one {# other thread mentions} other {# other threads mention}} {label}':
    '{count, plural, one {# anderer Thread erwähnt} other {# andere Threads erwähnen}} {label}',
  'no other thread shares this crash yet.': 'noch kein anderer Thread hat diesen Crash.',
  'more than {count, plural, one {# other thread shares} other {# other threads share}} this crash.':
    'mehr als {count, plural, one {# anderer Thread hat} other {# andere Threads haben}} diesen Crash.',
  '{count, plural, one {# other thread shares} other {# other threads share}} this crash.':
    '{count, plural, one {# anderer Thread hat} other {# andere Threads haben}} diesen Crash.',
  'Mentions:': 'Erwähnt:',
  'and {count, plural, one {# more symbol} other {# more symbols}}':
    'und {count, plural, one {# weiteres Symbol} other {# weitere Symbole}}',
  Crash: 'Crash',
  // Search
  'Search and filters': 'Suche und Filter',
  'Use quotes for phrases; operators such as tag:, user:, is:solved, errno: and sort: narrow the results.':
    'Setzen Sie Wortgruppen in Anführungszeichen; Operatoren wie tag:, user:, is:solved, errno: und sort: grenzen die Ergebnisse ein.',
  'Identifiers match whole: this finds the symbol, not every thread about vnodes.':
    'Bezeichner passen nur als Ganzes: Dies findet das Symbol, nicht jeden Thread über vnodes.',
  'Words in quotes must appear together, in that order.':
    'Wörter in Anführungszeichen müssen zusammen und in dieser Reihenfolge vorkommen.',
  'Only threads with this tag (repeat it to require several).':
    'Nur Threads mit diesem Tag (mehrfach angeben, um mehrere zu verlangen).',
  'Only threads started by this person.': 'Nur Threads, die diese Person begonnen hat.',
  'Only threads with, or without, an accepted answer.':
    'Nur Threads mit bzw. ohne akzeptierte Antwort.',
  'Only threads started on or after, or before, a day, month or year (UTC).':
    'Nur Threads, die an oder nach bzw. vor einem Tag, Monat oder Jahr begonnen wurden (UTC).',
  'Only threads that mention this error (any spelling: Err#2, errno 2), OS release or build.':
    'Nur Threads, die diesen Fehler (in jeder Schreibweise: Err#2, errno 2), dieses OS-Release oder diesen Build erwähnen.',
  'Only threads that mention this symbol, Feedback report or crash (see a thread’s Mentions line).':
    'Nur Threads, die dieses Symbol, diesen Feedback-Bericht oder diesen Crash erwähnen (siehe die Zeile „Erwähnt“ eines Threads).',
  'Order by newest, activity or boosts instead of relevance.':
    'Nach Neuheit, Aktivität oder Boosts statt nach Relevanz sortieren.',
  'How to search': 'So suchen Sie',
  'Every word must match (when no thread has them all, threads with some of them are shown). Anything that is not one of these operators is searched as text.':
    'Jedes Wort muss vorkommen (enthält kein Thread alle, werden Threads mit einigen davon gezeigt). Alles, was keiner dieser Operatoren ist, wird als Text gesucht.',
  // Settings navigation
  Account: 'Konto',
  // Watching
  'Notifications for this thread': 'Benachrichtigungen für diesen Thread',
  'Notifications for this tag': 'Benachrichtigungen für dieses Tag',
  '{level}: {hint}': '{level}: {hint}',
  // Staff panel
  Staff: 'Team',
  'Pinned site-wide': 'Auf der ganzen Website angeheftet',
  'Pinned site-wide until {date}': 'Auf der ganzen Website angeheftet bis {date}',
  'Pinned in {tag}': 'In {tag} angeheftet',
  'Pinned in {tag} until {date}': 'In {tag} angeheftet bis {date}',
  Pin: 'Anheften',
  Unpin: 'Lösen',
  Where: 'Wo',
  'Site-wide (home and every tag)': 'Auf der ganzen Website (Startseite und jedes Tag)',
  'In {tag} only': 'Nur in {tag}',
  'For how many days (empty: until unpinned)': 'Für wie viele Tage (leer: bis zum Lösen)',
  'Pin thread': 'Thread anheften',
  Duplicate: 'Duplikat',
  'Closed as a duplicate of <link>thread {id}</link>.':
    'Als Duplikat von <link>Thread {id}</link> geschlossen.',
  Reopen: 'Wieder öffnen',
  'Close as a duplicate': 'Als Duplikat schließen',
  'Duplicate of this': 'Duplikat hiervon',
  'Duplicate of (thread address or number)': 'Duplikat von (Thread-Adresse oder -Nummer)',
  'Close as duplicate': 'Als Duplikat schließen',
  Lock: 'Sperren',
  'Locked: only staff can reply or comment.':
    'Gesperrt: Nur das Team kann antworten oder kommentieren.',
  'Open for replies.': 'Offen für Antworten.',
  'Unlock thread': 'Thread entsperren',
  'Lock thread': 'Thread sperren',
  'Move to other tags': 'In andere Tags verschieben',
  'Tags (names or slugs, separated by commas)': 'Tags (Namen oder Slugs, durch Kommas getrennt)',
  'Move thread': 'Thread verschieben',
  'Merge into another thread': 'In einen anderen Thread zusammenführen',
  'Move every reply to (thread address or number)':
    'Alle Antworten verschieben nach (Thread-Adresse oder -Nummer)',
  'This thread is then closed as a duplicate of that one.':
    'Dieser Thread wird danach als Duplikat jenes Threads geschlossen.',
  'Merge replies': 'Antworten zusammenführen',
  'Restore thread': 'Thread wiederherstellen',
  'Delete thread': 'Thread löschen',
} as const satisfies Record<string, string>
