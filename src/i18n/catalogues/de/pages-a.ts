/**
 * German for the pages of the pages-a set: home, tags, thread, ask, search, sign-in and registration,
 * settings (account, security, sessions, notifications), unsubscribe, flag, review and the admin pages
 * (hub, people, invitations, settings, jobs, webhooks).
 */
export const PAGES_A = {
  // Account deleted
  'Account deleted': 'Konto gelöscht',
  'Your account is deleted.': 'Ihr Konto ist gelöscht.',
  'Your username, email address, password and sessions are gone, and you are signed out. Your posts stay, shown as by a deleted user. Your username is held for 30 days and then anyone may take it.':
    'Ihr Benutzername, Ihre E-Mail-Adresse, Ihr Passwort und Ihre Sitzungen sind entfernt, und Sie sind abgemeldet. Ihre Beiträge bleiben und erscheinen als von einem gelöschten Konto. Ihr Benutzername bleibt 30 Tage lang reserviert; danach kann ihn jeder wählen.',

  // Administration hub
  'Review queue': 'Prüfliste',
  'Flagged posts and posts waiting for approval.':
    'Gemeldete Beiträge und Beiträge, die auf Freigabe warten.',
  '{count, number} pending': '{count, number} offen',
  People: 'Personen',
  'Find an account by username, email or IP address.':
    'Ein Konto nach Benutzername, E-Mail- oder IP-Adresse finden.',
  '{count, plural, one {# account} other {# accounts}}':
    '{count, plural, one {# Konto} other {# Konten}}',
  Invitations: 'Einladungen',
  'Invite people to register, and revoke invitations not yet used.':
    'Personen zur Registrierung einladen und ungenutzte Einladungen widerrufen.',
  'Every staff and automatic moderation action, newest first.':
    'Jede Aktion des Teams und der automatischen Moderation, die neueste zuerst.',
  'Create, rename, describe, merge and delete tags.':
    'Tags anlegen, umbenennen, beschreiben, zusammenführen und löschen.',
  '{count, plural, one {# tag} other {# tags}}': '{count, plural, one {# Tag} other {# Tags}}',
  'Site settings': 'Website-Einstellungen',
  'The site name and description, registration and the limits on new accounts.':
    'Name und Beschreibung der Website, die Registrierung und die Grenzen für neue Konten.',
  'Email addresses, domains and IP ranges that cannot register.':
    'E-Mail-Adressen, Domains und IP-Bereiche, die sich nicht registrieren können.',
  'Background jobs and mail': 'Hintergrundaufgaben und E-Mail',
  'Mail and other work that runs outside requests; how mail is sent.':
    'E-Mails und andere Arbeit außerhalb von Anfragen; wie E-Mails versendet werden.',
  '{count, number} dead': '{count, number} gescheitert',
  Webhooks: 'Webhooks',
  'Endpoints told of new posts and other events, and their deliveries.':
    'Endpunkte, die über neue Beiträge und andere Ereignisse informiert werden, und ihre Zustellungen.',
  'Redis: {state}': 'Redis: {state}',
  'Redis: {state} (rate limits and sign-in attempts are counted per process until it is back)':
    'Redis: {state} (Ratenbegrenzungen und Anmeldeversuche werden pro Prozess gezählt, bis Redis wieder erreichbar ist)',
  'Read replicas: {state}': 'Lese-Replikate: {state}',
  'Read replicas: {state} (reads go to the primary until they are back)':
    'Lese-Replikate: {state} (Lesezugriffe gehen an die Primärdatenbank, bis sie wieder erreichbar sind)',

  // Invitations
  Open: 'Offen',
  Used: 'Verwendet',
  Expired: 'Abgelaufen',
  Revoked: 'Widerrufen',
  'Registration is by invitation: each link below lets one person make an account.':
    'Die Registrierung erfolgt auf Einladung: Jeder Link unten erlaubt einer Person, ein Konto anzulegen.',
  'Registration is open right now; invitations count only while it is by invitation.':
    'Die Registrierung ist derzeit offen; Einladungen gelten nur, solange sie auf Einladung erfolgt.',
  'Registration is closed right now; invitations count only while it is by invitation.':
    'Die Registrierung ist derzeit geschlossen; Einladungen gelten nur, solange sie auf Einladung erfolgt.',
  'Invitation made for {email}. Copy its link now: it is not shown again.':
    'Einladung für {email} erstellt. Kopieren Sie den Link jetzt: Er wird nicht noch einmal angezeigt.',
  'Invitation made. Copy its link now: it is not shown again.':
    'Einladung erstellt. Kopieren Sie den Link jetzt: Er wird nicht noch einmal angezeigt.',
  'New invitation': 'Neue Einladung',
  'Email (optional)': 'E-Mail (optional)',
  'Only this address can use the invitation; leave empty for anyone with the link.':
    'Nur diese Adresse kann die Einladung verwenden; leer lassen für alle, die den Link haben.',
  'Days it lasts': 'Gültigkeit in Tagen',
  'From 1 to 90.': 'Von 1 bis 90.',
  'Note (optional)': 'Notiz (optional)',
  'For staff: who it is for. Kept in the staff log.':
    'Für das Team: für wen sie ist. Wird im Team-Protokoll festgehalten.',
  'Make invitation': 'Einladung erstellen',
  'No invitation yet.': 'Noch keine Einladung.',
  For: 'Für',
  State: 'Status',
  Made: 'Erstellt',
  Note: 'Notiz',
  'anyone with the link': 'alle mit dem Link',
  '{state} by {user}': '{state} von {user}',
  '{time} by {user}': '{time} von {user}',
  Revoke: 'Widerrufen',

  // Background jobs
  Waiting: 'Wartend',
  Running: 'Laufend',
  'Done (last 7 days)': 'Erledigt (letzte 7 Tage)',
  Dead: 'Gescheitert',
  'Background jobs': 'Hintergrundaufgaben',
  'Mail and other work that leaves a request. A job that fails is retried with a growing wait; after its last attempt it is dead until someone runs it again.':
    'E-Mails und andere Arbeit, die außerhalb einer Anfrage erledigt wird. Eine fehlgeschlagene Aufgabe wird mit wachsender Wartezeit wiederholt; nach ihrem letzten Versuch gilt sie als gescheitert, bis jemand sie erneut ausführt.',
  Mail: 'E-Mail',
  'Sent over SMTP through {where}.': 'Versand per SMTP über {where}.',
  'No SMTP server is set (SMTP_URL): each message is written as an .eml file to {where}.':
    'Kein SMTP-Server eingestellt (SMTP_URL): Jede Nachricht wird als .eml-Datei nach {where} geschrieben.',
  'Mail waiting': 'Wartende E-Mails',
  'Mail dead': 'Gescheiterte E-Mails',
  'Dead jobs': 'Gescheiterte Aufgaben',
  'No job is dead.': 'Keine Aufgabe ist gescheitert.',
  'Nothing is waiting.': 'Nichts wartet.',
  Job: 'Aufgabe',
  Attempts: 'Versuche',
  'Last error': 'Letzter Fehler',
  Since: 'Seit',
  '{attempts, number} of {max, number}': '{attempts, number} von {max, number}',
  'Run again': 'Erneut ausführen',

  // People
  'suspended until {date}': 'gesperrt bis {date}',
  'silenced until {date}': 'stummgeschaltet bis {date}',
  'in good standing': 'ohne Einschränkungen',
  'Username, email or IP address': 'Benutzername, E-Mail- oder IP-Adresse',
  'The newest accounts.': 'Die neuesten Konten.',
  'Nobody matches “{query}”.': 'Niemand passt zu „{query}“.',
  'Accounts matching “{query}”.': 'Konten, die zu „{query}“ passen.',
  'Only the first {limit, number} are shown: narrow the search.':
    'Nur die ersten {limit, number} werden angezeigt: Grenzen Sie die Suche ein.',
  Person: 'Person',
  Standing: 'Status',
  Posts: 'Beiträge',
  'Last seen': 'Zuletzt gesehen',

  // Site settings
  open: 'offen',
  invite: 'auf Einladung',
  closed: 'geschlossen',
  refuse: 'ablehnen',
  allow: 'erlauben',
  'Settings saved.': 'Einstellungen gespeichert.',
  'Changes apply within a few seconds and are written to the staff log.':
    'Änderungen gelten nach wenigen Sekunden und werden im Team-Protokoll festgehalten.',
  'Save settings': 'Einstellungen speichern',

  // Webhooks
  'Quorum POSTs a signed JSON message (Standard Webhooks) to each endpoint for the events it asked for, after the change is saved, and retries a failed one for about a day. See <a>the API reference</a>.':
    'Quorum sendet jedem Endpunkt für die gewünschten Ereignisse eine signierte JSON-Nachricht per POST (Standard Webhooks), nachdem die Änderung gespeichert ist, und wiederholt eine fehlgeschlagene etwa einen Tag lang. Siehe <a>die API-Referenz</a>.',
  'Added {url}. Its signing secret, shown this once:':
    '{url} hinzugefügt. Das Signaturgeheimnis, nur dieses eine Mal angezeigt:',
  'No endpoint yet.': 'Noch kein Endpunkt.',
  Endpoint: 'Endpunkt',
  Events: 'Ereignisse',
  'Remove<hidden> {name}</hidden>': 'Entfernen<hidden>: {name}</hidden>',
  'Add an endpoint': 'Endpunkt hinzufügen',
  URL: 'URL',
  'http or https; loopback and private addresses only when the site settings allow them.':
    'http oder https; Loopback- und private Adressen nur, wenn die Website-Einstellungen sie erlauben.',
  'Description (optional)': 'Beschreibung (optional)',
  'Add endpoint': 'Endpunkt hinzufügen',
  'Webhook: {url}': 'Webhook: {url}',
  'All webhooks': 'Alle Webhooks',
  'Events: {events}': 'Ereignisse: {events}',
  'Nothing sent yet.': 'Noch nichts gesendet.',
  Event: 'Ereignis',
  Attempt: 'Versuch',
  Answer: 'Antwort',
  Time: 'Dauer',
  none: 'keine',
  '{ms} ms': '{ms} ms',
  Redeliver: 'Erneut zustellen',

  // Ask
  'Available tags ({count, number})': 'Verfügbare Tags ({count, number})',
  'Up to {count} files, {size} each. Text files such as {examples} are shown inline; others are offered as downloads.':
    'Bis zu {count} Dateien mit je {size}. Textdateien wie {examples} werden direkt angezeigt; andere werden zum Herunterladen angeboten.',
  'Browsers do not keep chosen files when a form comes back: choose them again.':
    'Browser behalten ausgewählte Dateien nicht, wenn ein Formular zurückkommt: Wählen Sie sie bitte erneut aus.',
  'Attachments (optional)': 'Anhänge (optional)',
  'Check for personal details': 'Auf persönliche Angaben prüfen',
  'User names in paths, serial numbers, UDIDs, email addresses and host names in pasted logs.':
    'Benutzernamen in Pfaden, Seriennummern, UDIDs, E-Mail-Adressen und Hostnamen in eingefügten Logs.',
  '{min} to {max} characters. Say what fails and where, e.g. "ENOBUFS from sendto on a busy UDP socket".':
    '{min} bis {max} Zeichen. Sagen Sie, was wo fehlschlägt, z. B. „ENOBUFS von sendto auf einem ausgelasteten UDP-Socket“.',
  Question: 'Frage',
  'Up to {size}; attach longer logs.': 'Bis zu {size}; längere Logs bitte anhängen.',
  '{min} to {max} tags by name or slug, separated by commas, e.g. <code>Kernel, Network Extension</code>.':
    '{min} bis {max} Tags nach Name oder Slug, durch Kommas getrennt, z. B. <code>Kernel, Network Extension</code>.',
  'Post question': 'Frage veröffentlichen',

  // Flag
  'An advertisement, or links posted for their own sake.':
    'Werbung oder Links, die nur um ihrer selbst willen gepostet wurden.',
  'Insults, harassment or hate that a reasonable person would not post.':
    'Beleidigungen, Belästigung oder Hass, die ein vernünftiger Mensch nicht posten würde.',
  'Not about this question, or not about developing for the platform.':
    'Nicht zu dieser Frage oder nicht zur Entwicklung für die Plattform.',
  'Something else a moderator should see: say what in the message.':
    'Etwas anderes, das ein Moderator sehen sollte: Sagen Sie in der Nachricht, was.',
  'Flag a post': 'Beitrag melden',
  '{kind, select, question {The question} reply {The reply} other {The comment}} by {author} in <a>{title}</a>. Moderators see every flag; enough flags hide the post until they decide.':
    '{kind, select, question {Die Frage} reply {Die Antwort} other {Der Kommentar}} von {author} in <a>{title}</a>. Moderatoren sehen jede Meldung; genug Meldungen verbergen den Beitrag, bis sie entscheiden.',
  'Why does this post need a moderator?': 'Warum braucht dieser Beitrag einen Moderator?',
  'Message to the moderators': 'Nachricht an die Moderatoren',
  'Optional, except for “needs staff attention”. Up to {max} characters.':
    'Optional, außer bei „Braucht die Aufmerksamkeit des Teams“. Bis zu {max} Zeichen.',
  'Flag post': 'Beitrag melden',

  // Home, tags
  'Popular tags': 'Beliebte Tags',
  'No tags yet.': 'Noch keine Tags.',
  '{count, plural, one {# post} other {# posts}}':
    '{count, plural, one {# Beitrag} other {# Beiträge}}',
  'Questions and answers for people who build kernels, drivers, file systems and network stacks.':
    'Fragen und Antworten für alle, die Kernels, Treiber, Dateisysteme und Netzwerk-Stacks bauen.',
  'Latest posts': 'Neueste Beiträge',
  'No posts yet.': 'Noch keine Beiträge.',
  'Every tag on {site}, with what it covers.': 'Alle Tags auf {site} und worum es darin geht.',

  // Sign in, registration
  'Sign in with a passkey': 'Mit einem Passkey anmelden',
  'Or sign in with another account': 'Oder mit einem anderen Konto anmelden',
  'Forgot password?': 'Passwort vergessen?',
  'New to {site}? <a>Create an account</a>': 'Neu bei {site}? <a>Konto anlegen</a>',
  'At least 10 characters; long passphrases welcome; common passwords are refused.':
    'Mindestens 10 Zeichen; lange Passphrasen sind willkommen; gängige Passwörter werden abgelehnt.',
  'Leave this field empty (it catches automated sign-ups)':
    'Lassen Sie dieses Feld leer (es fängt automatische Registrierungen ab)',
  'Registration is closed': 'Die Registrierung ist geschlossen',
  '{site} is not taking new accounts at the moment.': '{site} nimmt derzeit keine neuen Konten an.',
  'Already have an account? <a>Sign in</a>': 'Sie haben schon ein Konto? <a>Anmelden</a>',
  'New accounts need an invitation from the forum’s staff.':
    'Neue Konten brauchen eine Einladung vom Team des Forums.',
  'Invitation code': 'Einladungscode',
  'From the invitation link staff gave you.':
    'Aus dem Einladungslink, den Sie vom Team erhalten haben.',
  Email: 'E-Mail',
  'Never shown to other people. We send a link to it to confirm it is yours.':
    'Wird anderen nie gezeigt. Wir senden einen Link dorthin, um zu bestätigen, dass es Ihre ist.',

  // Notification settings
  'When I ask a question': 'Wenn ich eine Frage stelle',
  'When I reply or comment': 'Wenn ich antworte oder kommentiere',
  'Save defaults': 'Voreinstellungen speichern',
  'Immediately (one message per thread every few minutes)':
    'Sofort (eine Nachricht pro Thread alle paar Minuten)',
  'Daily digest': 'Tägliche Zusammenfassung',
  'Weekly digest': 'Wöchentliche Zusammenfassung',
  Never: 'Nie',
  'Notification mail': 'Benachrichtigungs-E-Mails',
  'Which notifications also come by mail. What you already read on the site is never mailed.':
    'Welche Benachrichtigungen auch per E-Mail kommen. Was Sie auf der Website schon gelesen haben, wird nie gemailt.',
  Save: 'Speichern',
  'Following my own threads': 'Meinen eigenen Threads folgen',
  'The level your question or reply sets on its thread (a level you already chose for the thread stays). Change any thread’s level on its page or under <a>Watching</a>.':
    'Die Stufe, die Ihre Frage oder Antwort für ihren Thread setzt (eine Stufe, die Sie für den Thread schon gewählt haben, bleibt). Die Stufe eines Threads ändern Sie auf seiner Seite oder unter <a>Beobachtet</a>.',

  // Review
  Flagged: 'Gemeldet',
  'New account: waiting for approval': 'Neues Konto: wartet auf Freigabe',
  'Repeated body: waiting for approval': 'Wiederholter Text: wartet auf Freigabe',
  '{label}: {kind, select, question {the question} reply {the reply} other {the comment}} by {author} in <a>{title}</a>':
    '{label}: {kind, select, question {die Frage} reply {die Antwort} other {der Kommentar}} von {author} in <a>{title}</a>',
  'Visible to readers.': 'Für Leser sichtbar.',
  'Hidden: {reason}': 'Verborgen: {reason}',
  'The author edited it to ask for another look.':
    'Der Autor hat ihn bearbeitet und bittet um eine erneute Prüfung.',
  'Updated {time}.': 'Aktualisiert {time}.',
  '<strong>{reason}</strong> from {flagger}': '<strong>{reason}</strong> von {flagger}',
  Author: 'Autor',
  'Account age': 'Alter des Kontos',
  '{days, plural, one {# day} other {# days}} (joined {date})':
    '{days, plural, one {# Tag} other {# Tage}} (dabei seit {date})',
  'Flags agreed with before': 'Bisher bestätigte Meldungen',
  'Agree: keep hidden': 'Zustimmen: verborgen lassen',
  'Disagree: show it': 'Ablehnen: wieder anzeigen',
  Approve: 'Freigeben',
  'Delete the post': 'Beitrag löschen',
  'Delete the spammer…': 'Spammer löschen…',
  'Nothing is waiting for a decision.': 'Nichts wartet auf eine Entscheidung.',
  '{count, plural, one {# post} other {# posts}} waiting for a decision, newest first.':
    '{count, plural, one {# Beitrag wartet} other {# Beiträge warten}} auf eine Entscheidung, der neueste zuerst.',
  'Delete the spammer': 'Spammer löschen',
  'This deletes all {count, plural, one {# post} other {# posts}} by {user}, suspends the account for ten years (reason “spam”), and refuses new sign-ups from its email address and last IP address.':
    'Das löscht alle {count, plural, one {# Beitrag} other {# Beiträge}} von {user}, sperrt das Konto für zehn Jahre (Grund „Spam“) und lehnt neue Registrierungen von seiner E-Mail-Adresse und letzten IP-Adresse ab.',
  'Delete {user}’s posts and suspend the account':
    'Beiträge von {user} löschen und das Konto sperren',
  'Back to review': 'Zurück zur Prüfliste',

  // Search
  Relevance: 'Relevanz',
  Newest: 'Neueste',
  Boosts: 'Boosts',
  '{count, number}+ results for “{q}”': '{count, number}+ Ergebnisse für „{q}“',
  '{count, plural, one {# result} other {# results}} for “{q}”':
    '{count, plural, one {# Ergebnis} other {# Ergebnisse}} für „{q}“',
  'Sort by': 'Sortieren nach',
  'No threads match “{q}”.': 'Kein Thread passt zu „{q}“.',
  'Search for the words alone: <a>{words}</a>': 'Nur nach den Wörtern suchen: <a>{words}</a>',
  'Check the spelling, or try fewer or more general words.':
    'Prüfen Sie die Schreibweise oder versuchen Sie es mit weniger oder allgemeineren Wörtern.',
  'Browse the tag directory': 'Das Tag-Verzeichnis durchsehen',
  'No thread has every word; these threads have some of them.':
    'Kein Thread enthält alle Wörter; diese Threads enthalten einige davon.',
  'More than {count, number} threads match, so these come from the newest {count, number}. Add words to narrow the search.':
    'Mehr als {count, number} Threads passen, daher stammen diese aus den neuesten {count, number}. Fügen Sie Wörter hinzu, um die Suche einzugrenzen.',
  'Search results for “{q}”': 'Suchergebnisse für „{q}“',
  '{title} (page {page, number})': '{title} (Seite {page, number})',
  'Search results': 'Suchergebnisse',
  'Search results, page {page, number} of {count, number}':
    'Suchergebnisse, Seite {page, number} von {count, number}',

  // Security
  Security: 'Sicherheit',
  'Your recovery codes': 'Ihre Wiederherstellungscodes',
  'Keep these somewhere safe, such as a password manager. Each one signs you in once when you cannot use your app or passkey. They are shown only now.':
    'Bewahren Sie diese sicher auf, etwa in einem Passwort-Manager. Jeder meldet Sie einmal an, wenn Sie Ihre App oder Ihren Passkey nicht verwenden können. Sie werden nur jetzt angezeigt.',
  'Authenticator app': 'Authenticator-App',
  'Two-factor codes are on: signing in asks for a code from your app.':
    'Zwei-Faktor-Codes sind eingeschaltet: Bei der Anmeldung wird ein Code aus Ihrer App abgefragt.',
  'Needed to turn two-factor codes off.': 'Nötig, um Zwei-Faktor-Codes auszuschalten.',
  'Turn off codes': 'Codes ausschalten',
  'Scan this code with an authenticator app (such as Aegis, Google Authenticator or 1Password), then enter the 6-digit code it shows.':
    'Scannen Sie diesen Code mit einer Authenticator-App (etwa Aegis, Google Authenticator oder 1Password) und geben Sie dann den 6-stelligen Code ein, den sie anzeigt.',
  'QR code for your authenticator app': 'QR-Code für Ihre Authenticator-App',
  'Cannot scan? Type this key into the app: {key}':
    'Scannen geht nicht? Geben Sie diesen Schlüssel in die App ein: {key}',
  'Code from the app': 'Code aus der App',
  'Turn on codes': 'Codes einschalten',
  'Ask for a code from an authenticator app after your password.':
    'Nach dem Passwort einen Code aus einer Authenticator-App abfragen.',
  'Set up an authenticator app': 'Authenticator-App einrichten',
  'Recovery codes': 'Wiederherstellungscodes',
  '{count, plural, one {# unused recovery code} other {# unused recovery codes}}. New codes replace all the old ones.':
    '{count, plural, one {# unbenutzter Wiederherstellungscode} other {# unbenutzte Wiederherstellungscodes}}. Neue Codes ersetzen alle alten.',
  'Make new recovery codes': 'Neue Wiederherstellungscodes erstellen',
  Passkeys: 'Passkeys',
  "A passkey signs you in with your device's screen lock or a security key: on its own, or as the second step after your password.":
    'Ein Passkey meldet Sie mit der Bildschirmsperre Ihres Geräts oder einem Sicherheitsschlüssel an: allein oder als zweiter Schritt nach Ihrem Passwort.',
  'No passkeys yet.': 'Noch keine Passkeys.',
  'Name for a new passkey': 'Name für einen neuen Passkey',
  'Such as the device it lives on. Adding a passkey needs JavaScript.':
    'Etwa das Gerät, auf dem er liegt. Zum Hinzufügen eines Passkeys ist JavaScript nötig.',
  'Add a passkey': 'Passkey hinzufügen',
  '{name}, added {added}': '{name}, hinzugefügt {added}',
  '{name}, added {added}, last used {used}':
    '{name}, hinzugefügt {added}, zuletzt verwendet {used}',
  'Remove the passkey “{name}”?': 'Den Passkey „{name}“ entfernen?',

  // Sessions
  Sessions: 'Sitzungen',
  'Where you are signed in': 'Wo Sie angemeldet sind',
  'One active session: this one.': 'Eine aktive Sitzung: diese.',
  '{count, number} active sessions. Sign out of any you do not recognise, then change your password.':
    '{count, number} aktive Sitzungen. Melden Sie jede ab, die Sie nicht erkennen, und ändern Sie dann Ihr Passwort.',
  'This session': 'Diese Sitzung',
  Address: 'Adresse',
  'not recorded': 'nicht erfasst',
  'Signed in': 'Angemeldet',
  'Browser details': 'Browser-Details',
  'Sign out<hidden> of {device}</hidden>': 'Abmelden<hidden> von {device}</hidden>',
  'Unknown browser': 'Unbekannter Browser',
  '{browser} on {os}': '{browser} unter {os}',
  '{browser} on an unknown system': '{browser} auf einem unbekannten System',
  'A browser on {os}': 'Ein Browser unter {os}',
  '{count, plural, one {Signed out of one session.} other {Signed out of {count, number} sessions.}}':
    '{count, plural, one {Von einer Sitzung abgemeldet.} other {Von {count, number} Sitzungen abgemeldet.}}',
  'Sign out everywhere else': 'Überall sonst abmelden',

  // Account settings
  Avatar: 'Avatar',
  'You show the avatar drawn from your name.':
    'Sie zeigen den aus Ihrem Namen gezeichneten Avatar.',
  'You show the image you uploaded.': 'Sie zeigen das Bild, das Sie hochgeladen haben.',
  'Upload an image': 'Bild hochladen',
  'PNG, JPEG, WebP or GIF, at most {kb} KB, from {min}×{min} to {max}×{max} pixels.':
    'PNG, JPEG, WebP oder GIF, höchstens {kb} KB, von {min}×{min} bis {max}×{max} Pixel.',
  'Upload avatar': 'Avatar hochladen',
  'Remove uploaded avatar': 'Hochgeladenen Avatar entfernen',
  'Change password': 'Passwort ändern',
  'Set a password': 'Passwort festlegen',
  'Signed in as {name}.': 'Angemeldet als {name}.',
  'This account signs in through a provider and has no password. Set one to sign in with your username too.':
    'Dieses Konto meldet sich über einen Anbieter an und hat kein Passwort. Legen Sie eines fest, um sich auch mit Ihrem Benutzernamen anzumelden.',
  'Your other sessions will be signed out.': 'Ihre anderen Sitzungen werden abgemeldet.',

  // Thread
  'Asked by {user} on {date}': 'Gefragt von {user} am {date}',
  '{count, plural, one {{views} view} other {{views} views}}':
    '{count, plural, one {{views} Aufruf} other {{views} Aufrufe}}',
  'Last activity {time}': 'Letzte Aktivität {time}',
  'This thread is locked; as staff you can still reply.':
    'Dieser Thread ist gesperrt; als Teammitglied können Sie trotzdem antworten.',
  'This thread is closed as a duplicate; as staff you can still reply.':
    'Dieser Thread ist als Duplikat geschlossen; als Teammitglied können Sie trotzdem antworten.',
  'Sign in to reply': 'Zum Antworten anmelden',
  '{count, plural, one {# Reply} other {# Replies}}':
    '{count, plural, one {# Antwort} other {# Antworten}}',
  '{title}: a question with {count, plural, one {# reply} other {# replies}}.':
    '{title}: eine Frage mit {count, plural, one {# Antwort} other {# Antworten}}.',
  '{title}: a question about {tags} with {count, plural, one {# reply} other {# replies}}.':
    '{title}: eine Frage zu {tags} mit {count, plural, one {# Antwort} other {# Antworten}}.',
  '<strong>This thread is hidden from readers</strong>: {reason} Only its author and staff see it.':
    '<strong>Dieser Thread ist für Leser verborgen</strong>: {reason} Nur sein Autor und das Team sehen ihn.',
  'Closed as a duplicate of {thread}.': 'Als Duplikat von {thread} geschlossen.',

  // Unsubscribe
  'You will get no more notification mail. Your notifications still show on the site.':
    'Sie erhalten keine Benachrichtigungen per E-Mail mehr. Auf der Website werden Ihre Benachrichtigungen weiterhin angezeigt.',
  'This unsubscribe link is not valid. <a>Sign in</a> to change your mail settings.':
    'Dieser Abmeldelink ist ungültig. <a>Melden Sie sich an</a>, um Ihre E-Mail-Einstellungen zu ändern.',
  'Stop all notification mail from {site}?':
    'Alle Benachrichtigungen per E-Mail von {site} abbestellen?',
  Unsubscribe: 'Abbestellen',
  'To choose kind by kind, see <a>your mail settings</a>.':
    'Um einzeln nach Art zu wählen, öffnen Sie <a>Ihre E-Mail-Einstellungen</a>.',
} as const satisfies Record<string, string>
