/** German for the account, settings, admin, tag, profile, revision, signature and error pages (lane pages-b). */
export const PAGES_B = {
  // error-page.tsx
  '{site} home': 'Startseite von {site}',
  'Error {status}': 'Fehler {status}',
  // account-page.tsx
  'Your account': 'Ihr Konto',
  'Export your data': 'Ihre Daten exportieren',
  'A JSON file with your profile, every post you wrote with its Markdown, the revisions you made, your boosts and where you are signed in. It holds no password or session secret.':
    'Eine JSON-Datei mit Ihrem Profil, jedem Beitrag, den Sie geschrieben haben, samt Markdown, Ihren Überarbeitungen, Ihren Boosts und den Geräten, auf denen Sie angemeldet sind. Sie enthält kein Passwort und kein Sitzungsgeheimnis.',
  'Export my data': 'Meine Daten exportieren',
  'Delete your account': 'Ihr Konto löschen',
  'Your posts stay, shown as by a deleted user, so the threads they belong to still make sense. Your username, email address, password, title and sessions are removed, and you are signed out everywhere. Nobody can register your username for {days, number} days. This cannot be undone: export your data first if you want a copy.':
    'Ihre Beiträge bleiben erhalten und erscheinen als von einem gelöschten Konto, damit die Threads, zu denen sie gehören, verständlich bleiben. Ihr Benutzername, Ihre E-Mail-Adresse, Ihr Passwort, Ihr Titel und Ihre Sitzungen werden entfernt, und Sie werden überall abgemeldet. {days, number} Tage lang kann niemand Ihren Benutzernamen registrieren. Das lässt sich nicht rückgängig machen: Exportieren Sie zuerst Ihre Daten, wenn Sie eine Kopie möchten.',
  'Type your username to confirm': 'Geben Sie zur Bestätigung Ihren Benutzernamen ein',
  'Your username is {username}.': 'Ihr Benutzername ist {username}.',
  'Delete my account': 'Mein Konto löschen',
  // watching-page.tsx
  'Asking a question watches it; replying tracks it. Watching notifies you of every new post; tracking and normal only of mentions and replies to you; muted of nothing, and a muted tag’s threads leave your home page.':
    'Wer eine Frage stellt, beobachtet sie; wer antwortet, verfolgt sie. „Beobachten“ benachrichtigt Sie über jeden neuen Beitrag; „Verfolgen“ und „Normal“ nur über Erwähnungen und Antworten an Sie; „Stumm“ über nichts, und die Threads eines stummgeschalteten Tags verschwinden von Ihrer Startseite.',
  'You follow no tag more or less than normal. Each tag page has the control.':
    'Sie folgen keinem Tag mehr oder weniger als normal. Jede Tag-Seite hat die Einstellung dafür.',
  Threads: 'Threads',
  'No threads yet.': 'Noch keine Threads.',
  // notifications-page.tsx
  'Mark all read': 'Alle als gelesen markieren',
  'Nothing yet. Replies, mentions and posts in what you watch will show here.':
    'Noch nichts. Antworten, Erwähnungen und Beiträge in dem, was Sie beobachten, erscheinen hier.',
  New: 'Neu',
  // tag-page.tsx
  'No solved posts under {tag} yet.': 'Unter {tag} gibt es noch keine gelösten Beiträge.',
  'No unsolved posts under {tag} yet.': 'Unter {tag} gibt es noch keine ungelösten Beiträge.',
  'Show all posts under {tag}': 'Alle Beiträge unter {tag} zeigen',
  'Nobody has posted under {tag} yet.': 'Unter {tag} hat noch niemand etwas gepostet.',
  'Posts under {tag} tag': 'Beiträge mit dem Tag {tag}',
  '{heading} (page {page, number})': '{heading} (Seite {page, number})',
  'Questions and answers about {tag} on {site}.': 'Fragen und Antworten zu {tag} auf {site}.',
  '{tag} on {site}': '{tag} auf {site}',
  '{count, plural, one {# Post} other {# Posts}}':
    '{count, plural, one {# Beitrag} other {# Beiträge}}',
  '{heading}, page {page, number} of {pages, number}':
    '{heading}, Seite {page, number} von {pages, number}',
  'RSS for tag': 'RSS für diesen Tag',
  // revisions-page.tsx
  '[added: ': '[hinzugefügt: ',
  '[removed: ': '[entfernt: ',
  Original: 'Original',
  'Revision {number, number}': 'Version {number, number}',
  '(current)': '(aktuell)',
  'Written by {user} {time} <muted>({date})</muted>':
    'Geschrieben von {user} {time} <muted>({date})</muted>',
  'Edited by {user} {time} <muted>({date})</muted>':
    'Bearbeitet von {user} {time} <muted>({date})</muted>',
  '{role, select, admin {Edited by admin {username}: {note}} other {Edited by moderator {username}: {note}}}':
    '{role, select, admin {Bearbeitet von Admin {username}: {note}} other {Bearbeitet von Moderator {username}: {note}}}',
  'Reason:': 'Grund:',
  'Title:': 'Titel:',
  'Changes from the original: struck out removed, underlined added.':
    'Änderungen gegenüber dem Original: durchgestrichen entfernt, unterstrichen hinzugefügt.',
  'Changes from revision {number, number}: struck out removed, underlined added.':
    'Änderungen gegenüber Version {number, number}: durchgestrichen entfernt, unterstrichen hinzugefügt.',
  'Edit history – {title}': 'Bearbeitungsverlauf – {title}',
  'Edit history': 'Bearbeitungsverlauf',
  'Of a post in <a>{title}</a>': 'Zu einem Beitrag in <a>{title}</a>',
  '{count, plural, one {# version} other {# versions}}, newest first':
    '{count, plural, one {# Version} other {# Versionen}}, neueste zuerst',
  'This post has never been edited.': 'Dieser Beitrag wurde nie bearbeitet.',
  // edit-post-page.tsx
  'Edit question': 'Frage bearbeiten',
  'Edit reply': 'Antwort bearbeiten',
  'Edit comment': 'Kommentar bearbeiten',
  'In <a>{title}</a>': 'In <a>{title}</a>',
  '{min, number} to {max, number} characters.': '{min, number} bis {max, number} Zeichen.',
  'Short Markdown, up to {max, number} characters.':
    'Kurzes Markdown, bis zu {max, number} Zeichen.',
  'Up to {size}.': 'Bis zu {size}.',
  'Reason for the edit (optional)': 'Grund für die Bearbeitung (optional)',
  'Shown in the edit history. Up to {max, number} characters.':
    'Wird im Bearbeitungsverlauf angezeigt. Bis zu {max, number} Zeichen.',
  'Staff note (optional)': 'Notiz des Teams (optional)',
  '{role, select, admin {Shown in the edit history: “Edited by admin {username}: …”. Up to {max, number} characters.} other {Shown in the edit history: “Edited by moderator {username}: …”. Up to {max, number} characters.}}':
    '{role, select, admin {Wird im Bearbeitungsverlauf angezeigt: „Bearbeitet von Admin {username}: …“. Bis zu {max, number} Zeichen.} other {Wird im Bearbeitungsverlauf angezeigt: „Bearbeitet von Moderator {username}: …“. Bis zu {max, number} Zeichen.}}',
  'Save changes': 'Änderungen speichern',
  // profile-page.tsx
  Questions: 'Fragen',
  Answers: 'Antworten',
  Moderator: 'Moderator',
  Administrator: 'Administrator',
  'Boosts received': 'Erhaltene Boosts',
  'Accepted answers': 'Akzeptierte Antworten',
  '(show them)': '(anzeigen)',
  '{username}’s posts': 'Beiträge von {username}',
  Asked: 'Gefragt',
  Answered: 'Geantwortet',
  'Commented on': 'Kommentiert',
  '✓ Accepted': '✓ Akzeptiert',
  '{username} has not started a thread yet.': '{username} hat noch keinen Thread begonnen.',
  '{username} has not answered a question yet.': '{username} hat noch keine Frage beantwortet.',
  '{username} has not posted yet.': '{username} hat noch nichts gepostet.',
  'Threads by {username}': 'Threads von {username}',
  '{username}: {tab}': '{username}: {tab}',
  '{username} on {site}: threads, replies and accepted answers.':
    '{username} auf {site}: Threads, Antworten und akzeptierte Antworten.',
  'Joined <time>{date}</time>': 'Dabei seit <time>{date}</time>',
  'Staff page': 'Team-Seite',
  '(page {page, number} of {pages, number})': '(Seite {page, number} von {pages, number})',
  // tokens-page.tsx
  'Read what you can read, including your notifications.':
    'Lesen, was Sie lesen dürfen, einschließlich Ihrer Benachrichtigungen.',
  'Ask, reply, comment, edit, boost and accept as you.':
    'In Ihrem Namen fragen, antworten, kommentieren, bearbeiten, boosten und akzeptieren.',
  'Staff actions: flags, review, hiding, locking.':
    'Aktionen des Teams: Meldungen, Prüfung, Ausblenden, Sperren.',
  'Site administration.': 'Verwaltung der Website.',
  'Never expires': 'Läuft nie ab',
  '{days, plural, one {# day} other {# days}}': '{days, plural, one {# Tag} other {# Tage}}',
  'Your new token “{name}”. Copy it now: it will not be shown again.':
    'Ihr neues Token „{name}“. Kopieren Sie es jetzt: Es wird nicht noch einmal angezeigt.',
  'Scripts and bots use a token to call the <a>API</a> as you. A token never does more than you can, and only what its scopes allow.':
    'Skripte und Bots rufen mit einem Token die <a>API</a> in Ihrem Namen auf. Ein Token kann nie mehr als Sie, und nur das, was seine Berechtigungen erlauben.',
  'You have no tokens.': 'Sie haben keine Tokens.',
  Name: 'Name',
  Scopes: 'Berechtigungen',
  'Last used': 'Zuletzt benutzt',
  '{time} from {ip}': '{time} von {ip}',
  'Revoke<hidden> {name}</hidden>': 'Widerrufen<hidden> {name}</hidden>',
  'New token': 'Neues Token',
  'What uses it, so you recognise it later: “CI crash reporter”.':
    'Was es benutzt, damit Sie es später wiedererkennen: „CI-Crash-Reporter“.',
  'Expires after': 'Läuft ab nach',
  'Make token': 'Token erstellen',
  // logins-settings-page.tsx
  'You sign in with your password, and with any provider linked here.':
    'Sie melden sich mit Ihrem Passwort an und mit jedem hier verknüpften Dienst.',
  'This account has no password: it signs in only with the providers linked here. <a>Set a password</a>':
    'Dieses Konto hat kein Passwort: Es meldet sich nur über die hier verknüpften Dienste an. <a>Passwort festlegen</a>',
  Linked: 'Verknüpft',
  'No provider is linked to this account.': 'Mit diesem Konto ist kein Dienst verknüpft.',
  Provider: 'Dienst',
  'Email it gave': 'Übermittelte E-Mail-Adresse',
  'Unlink {provider}': '{provider} trennen',
  'The only way in: set a password or link another first':
    'Der einzige Zugang: Legen Sie zuerst ein Passwort fest oder verknüpfen Sie einen weiteren Dienst',
  'Link another': 'Weiteren Dienst verknüpfen',
  // oidc-account-page.tsx
  'Finish signing in': 'Anmeldung abschließen',
  '{provider} has signed you in. This is your first visit with it.':
    '{provider} hat Sie angemeldet. Sie kommen zum ersten Mal über diesen Dienst.',
  '{provider} has signed you in as <strong>{email}</strong>. This is your first visit with it.':
    '{provider} hat Sie als <strong>{email}</strong> angemeldet. Sie kommen zum ersten Mal über diesen Dienst.',
  'Your account’s email will be {email}, as {provider} has confirmed it.':
    'Die E-Mail-Adresse Ihres Kontos wird {email}, da {provider} sie bestätigt hat.',
  '{provider} has not confirmed {email}, so the account starts without an email.':
    '{provider} hat {email} nicht bestätigt, daher beginnt das Konto ohne E-Mail-Adresse.',
  'Or link it to your account': 'Oder mit Ihrem Konto verknüpfen',
  'Have an account here already? Sign in to it once with its password, and {provider} will sign you in to it from now on.':
    'Sie haben hier schon ein Konto? Melden Sie sich einmal mit seinem Passwort an, dann meldet {provider} Sie künftig dort an.',
  'Sign in and link': 'Anmelden und verknüpfen',
  // password-pages.tsx
  'Check your email': 'Prüfen Sie Ihre E-Mails',
  'If an account matches <strong>{login}</strong>, we are sending a link to its email address. The link works once, for one hour.':
    'Wenn ein Konto zu <strong>{login}</strong> passt, senden wir einen Link an seine E-Mail-Adresse. Der Link funktioniert einmal, eine Stunde lang.',
  'Nothing after a few minutes? Check your spam folder, or <a>ask again</a>.':
    'Nach ein paar Minuten noch nichts da? Sehen Sie im Spam-Ordner nach oder <a>fordern Sie ihn erneut an</a>.',
  'Forgot your password?': 'Passwort vergessen?',
  'We will email you a link to choose a new one.':
    'Wir senden Ihnen per E-Mail einen Link, mit dem Sie ein neues wählen.',
  'Send me a link': 'Link senden',
  'Remembered it? <a>Sign in</a>': 'Doch wieder eingefallen? <a>Anmelden</a>',
  'Choose a new password': 'Neues Passwort wählen',
  'For <strong>{username}</strong>. Your other sessions will be signed out.':
    'Für <strong>{username}</strong>. Ihre anderen Sitzungen werden abgemeldet.',
  'Set password and sign in': 'Passwort festlegen und anmelden',
  // second-step-page.tsx
  'Two-factor sign-in': 'Anmeldung mit zweitem Faktor',
  'Use a passkey you added to this account.':
    'Verwenden Sie einen Passkey, den Sie diesem Konto hinzugefügt haben.',
  'Use a passkey': 'Passkey verwenden',
  'Code from your authenticator app': 'Code aus Ihrer Authenticator-App',
  'Recovery code': 'Wiederherstellungscode',
  'The 6 digits your app shows now, or one of your recovery codes.':
    'Die 6 Ziffern, die Ihre App gerade anzeigt, oder einer Ihrer Wiederherstellungscodes.',
  'One of the recovery codes you saved.':
    'Einer der Wiederherstellungscodes, die Sie gespeichert haben.',
  'Start again': 'Neu beginnen',
  // email-pages.tsx
  'We are sending a message to the address you gave. Open the link in it to confirm your address; it works once, for {hours, number} hours.':
    'Wir senden eine Nachricht an die angegebene Adresse. Öffnen Sie den Link darin, um Ihre Adresse zu bestätigen; er funktioniert einmal, {hours, number} Stunden lang.',
  'Then <a>sign in</a> with your username and password. Nothing after a few minutes? Check your spam folder.':
    'Danach können Sie sich mit Benutzername und Passwort <a>anmelden</a>. Nach ein paar Minuten noch nichts da? Sehen Sie im Spam-Ordner nach.',
  'Confirm your new address': 'Neue Adresse bestätigen',
  'Confirm your address': 'Adresse bestätigen',
  'Make <strong>{email}</strong> the address of your account.':
    '<strong>{email}</strong> zur Adresse Ihres Kontos machen.',
  'Confirm that <strong>{email}</strong> is your address.':
    'Bestätigen Sie, dass <strong>{email}</strong> Ihre Adresse ist.',
  Confirm: 'Bestätigen',
  'Address confirmed': 'Adresse bestätigt',
  'Thank you: <strong>{email}</strong> is confirmed.':
    'Danke: <strong>{email}</strong> ist bestätigt.',
  '<a>Sign in</a> to ask, reply and comment.':
    '<a>Melden Sie sich an</a>, um zu fragen, zu antworten und zu kommentieren.',
  'This link has expired': 'Dieser Link ist abgelaufen',
  'Links in our messages work for a limited time.':
    'Links in unseren Nachrichten funktionieren nur eine begrenzte Zeit.',
  'This link was already used': 'Dieser Link wurde bereits benutzt',
  'Each link works once.': 'Jeder Link funktioniert nur einmal.',
  'This link does not work': 'Dieser Link funktioniert nicht',
  'It may have been copied incompletely, or replaced by a newer one.':
    'Vielleicht wurde er unvollständig kopiert oder durch einen neueren ersetzt.',
  'Email address': 'E-Mail-Adresse',
  'Your account has no email address.': 'Ihr Konto hat keine E-Mail-Adresse.',
  'Your address is <strong>{email}</strong> (confirmed).':
    'Ihre Adresse ist <strong>{email}</strong> (bestätigt).',
  'Your address is <strong>{email}</strong> (not confirmed yet).':
    'Ihre Adresse ist <strong>{email}</strong> (noch nicht bestätigt).',
  'Change your address': 'Adresse ändern',
  'New address': 'Neue Adresse',
  'We send a link there; the change is made when you open it. Your current address is told.':
    'Wir senden einen Link dorthin; die Änderung gilt, sobald Sie ihn öffnen. Ihre bisherige Adresse wird benachrichtigt.',
  'Send confirmation link': 'Bestätigungslink senden',
  // signature-page.tsx
  'Where it happened': 'Wo es passiert ist',
  'The system ended these processes by policy: no frame of their own code is to blame, so every report of it is at one site, the cause itself.':
    'Das System hat diese Prozesse aufgrund einer Richtlinie beendet: Kein Frame ihres eigenen Codes ist schuld, daher liegt jede Meldung davon an einer einzigen Stelle, der Ursache selbst.',
  'Each site is this crash with the top frames of the poster’s own code (not the system’s libraries, runtime or kernel).':
    'Jede Stelle ist dieser Absturz mit den obersten Frames aus dem eigenen Code der meldenden Person (nicht aus Bibliotheken, Laufzeit oder Kernel des Systems).',
  'The cause alone': 'Nur die Ursache',
  'No frames of the poster’s own code': 'Keine Frames aus dem eigenen Code der meldenden Person',
  '{count, plural, one {# thread} other {# threads}} at this site.':
    '{count, plural, one {# Thread} other {# Threads}} an dieser Stelle.',
  '{count, plural, one {# thread} other {# threads}} at this site: {threads}':
    '{count, plural, one {# Thread} other {# Threads}} an dieser Stelle: {threads}',
  'Only the {count, number} most reported sites are listed.':
    'Nur die {count, number} am häufigsten gemeldeten Stellen sind aufgeführt.',
  'Seen in: {processes}.': 'Gesehen in: {processes}.',
  '{count, plural, one {# thread} other {# threads}}':
    '{count, plural, one {# Thread} other {# Threads}}',
  'First cited {first}, last cited {last}.': 'Zuerst genannt am {first}, zuletzt am {last}.',
  'No one has said it is fixed.': 'Niemand hat gemeldet, dass es behoben ist.',
  '{by, select, staff {<strong>Reported fixed</strong> by staff on {date}, in <thread>{title}</thread>.} other {<strong>Reported fixed</strong> by the asker on {date}, in <thread>{title}</thread>.}}':
    '{by, select, staff {<strong>Als behoben gemeldet</strong> vom Team am {date}, in <thread>{title}</thread>.} other {<strong>Als behoben gemeldet</strong> von der fragenden Person am {date}, in <thread>{title}</thread>.}}',
  '{by, select, staff {<strong>Reported fixed</strong> in <link>{release}</link> by staff on {date}, in <thread>{title}</thread>.} other {<strong>Reported fixed</strong> in <link>{release}</link> by the asker on {date}, in <thread>{title}</thread>.}}':
    '{by, select, staff {<strong>Als behoben gemeldet</strong> in <link>{release}</link> vom Team am {date}, in <thread>{title}</thread>.} other {<strong>Als behoben gemeldet</strong> in <link>{release}</link> von der fragenden Person am {date}, in <thread>{title}</thread>.}}',
  'OS release': 'OS-Version',
  'error code': 'Fehlercode',
  symbol: 'Symbol',
  'bug report': 'Fehlerbericht',
  crash: 'Absturz',
  'The cause of the crash, with addresses, CPU numbers, times, process names and ids removed:':
    'Die Ursache des Absturzes, ohne Adressen, CPU-Nummern, Zeiten, Prozessnamen und IDs:',
  '{label} is IOReturn {detail}; every spelling of it (name, number, dtruss <code>Err#</code>, message text) counts.':
    '{label} ist IOReturn {detail}; jede Schreibweise davon (Name, Nummer, dtruss <code>Err#</code>, Meldungstext) zählt.',
  '{label} is number {detail}; every spelling of it (name, number, dtruss <code>Err#</code>, message text) counts.':
    '{label} ist Nummer {detail}; jede Schreibweise davon (Name, Nummer, dtruss <code>Err#</code>, Meldungstext) zählt.',
  'Crash {label}': 'Absturz {label}',
  'Threads mentioning {title}': 'Threads, die {title} erwähnen',
  '{count, plural, one {# thread on {site} mentions} other {# threads on {site} mention}} the {kind, select, os {OS release} error {error code} symbol {symbol} reference {bug report} other {crash}} {title}.':
    '{count, plural, one {# Thread auf {site} erwähnt} other {# Threads auf {site} erwähnen}} {kind, select, os {die OS-Version} error {den Fehlercode} symbol {das Symbol} reference {den Fehlerbericht} other {den Absturz}} {title}.',
  '{count, plural, one {# thread mentions it} other {# threads mention it}}':
    '{count, plural, one {# Thread erwähnt es} other {# Threads erwähnen es}}',
  '{kind, select, os {Search with this OS release} error {Search with this error code} symbol {Search with this symbol} reference {Search with this bug report} other {Search with this crash}}':
    '{kind, select, os {Mit dieser OS-Version suchen} error {Mit diesem Fehlercode suchen} symbol {Mit diesem Symbol suchen} reference {Mit diesem Fehlerbericht suchen} other {Mit diesem Absturz suchen}}',
  'Older threads': 'Ältere Threads',
  // admin-blocks-page.tsx
  'An email address': 'Eine E-Mail-Adresse',
  'An email domain': 'Eine E-Mail-Domain',
  'An IP address': 'Eine IP-Adresse',
  'An IP range (CIDR)': 'Ein IP-Bereich (CIDR)',
  'Nobody can register from a blocked address. Existing accounts are not affected.':
    'Von einer gesperrten Adresse kann sich niemand registrieren. Bestehende Konten sind nicht betroffen.',
  Block: 'Sperren',
  'What to block': 'Was gesperrt wird',
  'Address, domain or range': 'Adresse, Domain oder Bereich',
  'Such as name@example.com, example.com, 203.0.113.7 or 203.0.113.0/24.':
    'Etwa name@example.com, example.com, 203.0.113.7 oder 203.0.113.0/24.',
  'Reason (optional)': 'Grund (optional)',
  'For the staff log and other staff; the person refused is not told.':
    'Für das Team-Protokoll und das übrige Team; die abgewiesene Person erfährt ihn nicht.',
  'Add block': 'Sperre hinzufügen',
  Blocks: 'Sperren',
  'Nothing is blocked.': 'Nichts ist gesperrt.',
  Kind: 'Art',
  Value: 'Wert',
  Reason: 'Grund',
  Remove: 'Entfernen',
  // admin-log-page.tsx
  'Who (username)': 'Wer (Benutzername)',
  Any: 'Alle',
  'Target type': 'Art des Ziels',
  'Target id': 'ID des Ziels',
  'From (YYYY-MM-DD)': 'Von (JJJJ-MM-TT)',
  'To (YYYY-MM-DD)': 'Bis (JJJJ-MM-TT)',
  Filter: 'Filtern',
  Clear: 'Zurücksetzen',
  'No entry matches.': 'Kein Eintrag passt.',
  Who: 'Wer',
  Target: 'Ziel',
  Change: 'Änderung',
  automatic: 'automatisch',
  'Staff log pages': 'Seiten des Team-Protokolls',
  Older: 'Älter',
  // admin-tags-page.tsx
  'Lower-case letters, digits and hyphens, such as network-extension.':
    'Kleinbuchstaben, Ziffern und Bindestriche, etwa network-extension.',
  'New tag': 'Neuer Tag',
  Slug: 'Slug',
  Description: 'Beschreibung',
  'Shown at the top of the tag’s page.': 'Steht oben auf der Seite des Tags.',
  'Create tag': 'Tag anlegen',
  'There are no tags yet.': 'Es gibt noch keine Tags.',
  Tag: 'Tag',
  'Tag {slug}': 'Tag {slug}',
  'Tag <a>{slug}</a>': 'Tag <a>{slug}</a>',
  '{name}: {count, plural, one {# thread} other {# threads}}.':
    '{name}: {count, plural, one {# Thread} other {# Threads}}.',
  'Old addresses that redirect here: {slugs}': 'Alte Adressen, die hierher weiterleiten: {slugs}',
  Rename: 'Umbenennen',
  'The old address keeps working: it redirects to the new one.':
    'Die alte Adresse funktioniert weiter: Sie leitet auf die neue weiter.',
  'Save description': 'Beschreibung speichern',
  'Merge into another tag': 'Mit einem anderen Tag zusammenführen',
  'Its threads take the other tag, its watchers follow, this tag is deleted and its address redirects to the other tag.':
    'Seine Threads bekommen den anderen Tag, seine Beobachter folgen, dieser Tag wird gelöscht und seine Adresse leitet auf den anderen Tag weiter.',
  'Slug of the tag to merge into': 'Slug des Ziel-Tags',
  Merge: 'Zusammenführen',
  'Only a tag on no thread can be deleted.': 'Nur ein Tag ohne Threads kann gelöscht werden.',
  'Delete {slug}': '{slug} löschen',
  // api-docs-page.tsx
  'API reference': 'API-Referenz',
  'JSON at <code>{base}</code>. The machine-readable description is <spec>openapi.json</spec> (OpenAPI 3.1). Errors are RFC 9457 problem details; lists page with a <code>cursor</code> and a <code>Link</code> header; reads answer <code>304</code> to a matching <code>If-None-Match</code>. Send a personal access token from <settings>your settings</settings> as <code>Authorization: Bearer …</code>.':
    'JSON unter <code>{base}</code>. Die maschinenlesbare Beschreibung ist <spec>openapi.json</spec> (OpenAPI 3.1). Fehler sind RFC-9457-Problemdetails; Listen blättern mit einem <code>cursor</code> und einem <code>Link</code>-Header; Lesezugriffe antworten mit <code>304</code> auf ein passendes <code>If-None-Match</code>. Senden Sie ein persönliches Zugriffstoken aus <settings>Ihren Einstellungen</settings> als <code>Authorization: Bearer …</code>.',
  Operations: 'Operationen',
  'Needs a token (or a signed-in session).': 'Braucht ein Token (oder eine angemeldete Sitzung).',
  Parameter: 'Parameter',
  In: 'In',
  Type: 'Typ',
  Notes: 'Hinweise',
  '(required)': '(Pflicht)',
  'Answers: {statuses}': 'Antwortet: {statuses}',
  // person-staff-page.tsx
  Silence: 'Stummschalten',
  Suspend: 'Sperren',
  'A silenced person can read but not post; they see the reason on every page.':
    'Eine stummgeschaltete Person kann lesen, aber nicht posten; sie sieht den Grund auf jeder Seite.',
  'A suspended person cannot sign in (every session ends); they see the reason at sign-in.':
    'Eine gesperrte Person kann sich nicht anmelden (jede Sitzung endet); sie sieht den Grund bei der Anmeldung.',
  'Unsilence now': 'Stummschaltung jetzt aufheben',
  'Lift the suspension now': 'Sperre jetzt aufheben',
  Days: 'Tage',
  'Reason (the person sees it)': 'Grund (die Person sieht ihn)',
  no: 'nein',
  'until {date}: {reason}': 'bis {date}: {reason}',
  'until {date}': 'bis {date}',
  '(set by staff)': '(vom Team festgelegt)',
  Silenced: 'Stummgeschaltet',
  Suspended: 'Gesperrt',
  'Staff: {username}': 'Team: {username}',
  'Staff: <a>{username}</a>': 'Team: <a>{username}</a>',
  'Level (automatic promotion then leaves it alone)':
    'Stufe (die automatische Beförderung lässt sie danach unverändert)',
  'Set trust level': 'Vertrauensstufe festlegen',
  'Title and role': 'Titel und Rolle',
  'Title shown beside the name (up to {max, number} characters; empty: none)':
    'Titel neben dem Namen (bis zu {max, number} Zeichen; leer: keiner)',
  'Set title': 'Titel festlegen',
  'Set role': 'Rolle festlegen',
} as const satisfies Record<string, string>
