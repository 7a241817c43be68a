/**
 * German for the islands (src/client): sent to the browser in the page (views/layout/layout.tsx), so it
 * holds only what the islands say. Plain `{name}` placeholders only (src/client/lib/i18n.ts). The server's
 * components use some of these words too (a boost button, the accepted-answer badge): they are here once.
 */
export const CLIENT = {
  // Accepting an answer (accept-button; post.tsx and post-controls.tsx say the same)
  'Accepted answer': 'Akzeptierte Antwort',
  'Accepted answer by {user}': 'Akzeptierte Antwort von {user}',
  'Reply by {user}': 'Antwort von {user}',
  Unaccept: 'Nicht mehr akzeptieren',
  'Accept answer': 'Antwort akzeptieren',
  'No reply is accepted now.': 'Jetzt ist keine Antwort akzeptiert.',
  'Marked as the accepted answer.': 'Als akzeptierte Antwort markiert.',
  'Another reply is the accepted answer.': 'Eine andere Antwort ist jetzt die akzeptierte.',
  // Boosts (boost-button, live-updates; post-controls.tsx)
  '{count} boost': '{count} Boost',
  '{count} boosts': '{count} Boosts',
  Boosted: 'Geboostet',
  Boost: 'Boosten',
  'Boosted. {count}.': 'Geboostet. {count}.',
  'Boost removed. {count}.': 'Boost entfernt. {count}.',
  // Code blocks
  Copied: 'Kopiert',
  'Selected: press Ctrl+C': 'Markiert: Strg+C drücken',
  'Code copied.': 'Code kopiert.',
  'Code selected: press Ctrl+C to copy it.':
    'Code markiert: Drücken Sie Strg+C, um ihn zu kopieren.',
  Copy: 'Kopieren',
  'Line numbers': 'Zeilennummern',
  // Composer: preview and drafts
  'Live preview is unavailable right now.': 'Die Live-Vorschau ist gerade nicht verfügbar.',
  'Preview updated.': 'Vorschau aktualisiert.',
  'Draft saved at {time}.': 'Entwurf um {time} gespeichert.',
  'Draft not saved yet: saving again shortly.':
    'Entwurf noch nicht gespeichert: Er wird gleich erneut gespeichert.',
  'Draft not saved: the server refused it.':
    'Entwurf nicht gespeichert: Der Server hat ihn abgelehnt.',
  'Draft not saved: {reason}': 'Entwurf nicht gespeichert: {reason}',
  'Draft not saved: no connection. It will be saved when you type again.':
    'Entwurf nicht gespeichert: keine Verbindung. Er wird gespeichert, sobald Sie weitertippen.',
  'Draft discarded.': 'Entwurf verworfen.',
  // Limits of files and text
  'You chose {count} files; attach at most {max}.':
    'Sie haben {count} Dateien gewählt; hängen Sie höchstens {max} an.',
  '{name} is larger than {size}; attach a smaller file or paste the relevant part.':
    '{name} ist größer als {size}; hängen Sie eine kleinere Datei an oder fügen Sie den relevanten Teil ein.',
  '{names} are larger than {size}; attach a smaller file or paste the relevant part.':
    '{names} sind größer als {size}; hängen Sie kleinere Dateien an oder fügen Sie die relevanten Teile ein.',
  '{over} over the {max} limit: shorten it, or attach the log as a file.':
    '{over} über der Grenze von {max}: Kürzen Sie den Text oder hängen Sie das Log als Datei an.',
  '{left} left of {max}.': 'Noch {left} von {max} frei.',
  'This is {size}; the limit is {max}.': 'Das sind {size}; die Grenze liegt bei {max}.',
  // Live updates
  '{count} new reply: show': '{count} neue Antwort: anzeigen',
  '{count} new replies: show': '{count} neue Antworten: anzeigen',
  '{count} new thread: show': '{count} neuer Thread: anzeigen',
  '{count} new threads: show': '{count} neue Threads: anzeigen',
  Notifications: 'Benachrichtigungen',
  'Notifications, {count} unread': 'Benachrichtigungen, {count} ungelesen',
  // Markdown toolbar
  'Code block': 'Codeblock',
  'Inline code': 'Inline-Code',
  Link: 'Link',
  Quote: 'Zitat',
  List: 'Liste',
  'Ctrl+Shift+{key}': 'Strg+Umschalt+{key}',
  'Ctrl+{key}': 'Strg+{key}',
  Formatting: 'Formatierung',
  '{keys} posts': '{keys} sendet ab',
  'Fenced as a code block.': 'Als Codeblock eingefasst.',
  'Attached as {name}.': 'Als {name} angehängt.',
  'Large paste': 'Großer eingefügter Text',
  'You pasted {lines} lines ({size}). Logs read best fenced as code or attached as a file.':
    'Sie haben {lines} Zeilen eingefügt ({size}). Logs lesen sich am besten als Codeblock eingefasst oder als Datei angehängt.',
  'You pasted {lines} lines ({size}). Logs read best fenced as code.':
    'Sie haben {lines} Zeilen eingefügt ({size}). Logs lesen sich am besten als Codeblock eingefasst.',
  'Fence it as a code block': 'Als Codeblock einfassen',
  'Attach as a file': 'Als Datei anhängen',
  'Keep as is': 'So lassen',
  'People to mention': 'Personen zum Erwähnen',
  // Redacting before posting
  'user name': 'Benutzername',
  'serial number': 'Seriennummer',
  UDID: 'UDID',
  'email address': 'E-Mail-Adresse',
  'host name': 'Hostname',
  'No user names, serial numbers, UDIDs, email addresses or host names found.':
    'Keine Benutzernamen, Seriennummern, UDIDs, E-Mail-Adressen oder Hostnamen gefunden.',
  'Found 1 detail: replace the ones you choose':
    '1 Angabe gefunden: Ersetzen Sie die, die Sie auswählen',
  'Found {count} details: replace the ones you choose':
    '{count} Angaben gefunden: Ersetzen Sie die, die Sie auswählen',
  once: 'einmal',
  '{count} times': '{count}-mal',
  'Replace the chosen details': 'Ausgewählte Angaben ersetzen',
  // Replying in place
  '{count} Reply': '{count} Antwort',
  '{count} Replies': '{count} Antworten',
  'It waits for a moderator before others can see it.':
    'Andere sehen sie erst, wenn die Moderation sie freigegeben hat.',
  'Reply posted. It waits for a moderator before others can see it.':
    'Antwort veröffentlicht. Andere sehen sie erst, wenn die Moderation sie freigegeben hat.',
  'Reply posted.': 'Antwort veröffentlicht.',
  // Passkeys
  'This browser cannot create passkeys.': 'Dieser Browser kann keine Passkeys erstellen.',
  'The server refused; reload the page and try again.':
    'Der Server hat abgelehnt; laden Sie die Seite neu und versuchen Sie es noch einmal.',
  'The passkey could not be used.': 'Der Passkey konnte nicht verwendet werden.',
} as const satisfies Record<string, string>
