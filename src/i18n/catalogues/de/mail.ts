/** German for the mail (src/views/mail): subjects, greetings, paragraphs, buttons. */
export const MAIL = {
  'Or open this address:': 'Oder öffnen Sie diese Adresse:',
  'Confirm your email address for {site}': 'Bestätigen Sie Ihre E-Mail-Adresse für {site}',
  'Hello {username},': 'Hallo {username},',
  'Please confirm that this is your address. The link works once, for {hours} hours.':
    'Bitte bestätigen Sie, dass dies Ihre Adresse ist. Der Link funktioniert einmal, {hours} Stunden lang.',
  'Confirm my address': 'Meine Adresse bestätigen',
  'You get this because this address was given for an account on {site}. If that was not you, ignore this message.':
    'Sie erhalten diese Nachricht, weil diese Adresse für ein Konto bei {site} angegeben wurde. Wenn Sie das nicht waren, ignorieren Sie diese Nachricht.',
  'Reset your {site} password': 'Setzen Sie Ihr Passwort für {site} zurück',
  'Someone (we hope you) asked to reset your password. The link works once, for {minutes} minutes; choosing a new password signs out your other sessions.':
    'Jemand (hoffentlich Sie) hat darum gebeten, Ihr Passwort zurückzusetzen. Der Link funktioniert einmal, {minutes} Minuten lang; ein neues Passwort meldet Ihre anderen Sitzungen ab.',
  'If you did not ask for this, ignore this message: your password stays as it is.':
    'Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt, wie es ist.',
  'You already have a {site} account': 'Sie haben bereits ein Konto bei {site}',
  'Someone tried to register a new account with this address, which already has yours. If it was you, sign in instead, or reset your password if you have forgotten it.':
    'Jemand hat versucht, mit dieser Adresse ein neues Konto zu registrieren, obwohl sie bereits zu Ihrem gehört. Wenn Sie das waren, melden Sie sich stattdessen an oder setzen Sie Ihr Passwort zurück, falls Sie es vergessen haben.',
  'Forgotten your password? {link}': 'Passwort vergessen? {link}',
  'Your {site} email address was changed': 'Ihre E-Mail-Adresse bei {site} wurde geändert',
  'The email address of your account is now {address}. Messages from {site} go there from now on.':
    'Die E-Mail-Adresse Ihres Kontos ist jetzt {address}. Nachrichten von {site} gehen ab sofort dorthin.',
  'If you did not make this change, reset your password and contact the forum staff.':
    'Wenn Sie diese Änderung nicht vorgenommen haben, setzen Sie Ihr Passwort zurück und wenden Sie sich an das Team des Forums.',
  'This message is about your account, so it is sent whatever your notification settings say.':
    'Diese Nachricht betrifft Ihr Konto und wird daher unabhängig von Ihren Benachrichtigungseinstellungen gesendet.',
  'You can post on {site} again': 'Sie können bei {site} wieder schreiben',
  'Your {site} account is no longer suspended': 'Ihr Konto bei {site} ist nicht mehr gesperrt',
  'The forum staff lifted the silence on your account: you can ask, reply and comment again.':
    'Das Team des Forums hat die Stummschaltung Ihres Kontos aufgehoben: Sie können wieder fragen, antworten und kommentieren.',
  'The forum staff lifted the suspension of your account: you can sign in again.':
    'Das Team des Forums hat die Sperre Ihres Kontos aufgehoben: Sie können sich wieder anmelden.',
  'Go to {site}': 'Zu {site}',
  'The reason they gave: {reason}': 'Der angegebene Grund: {reason}',
  'They gave no reason.': 'Es wurde kein Grund angegeben.',
  'Your {site} account cannot post until {when}':
    'Ihr Konto bei {site} kann bis {when} nicht schreiben',
  'Your {site} account is suspended until {when}': 'Ihr Konto bei {site} ist bis {when} gesperrt',
  'The forum staff silenced your account until {when} (UTC). Until then you can sign in and read, but not ask, reply, comment, boost or flag.':
    'Das Team des Forums hat Ihr Konto bis {when} (UTC) stummgeschaltet. Bis dahin können Sie sich anmelden und lesen, aber nicht fragen, antworten, kommentieren, boosten oder melden.',
  'The forum staff suspended your account until {when} (UTC). Until then you cannot sign in, and every session of the account was ended.':
    'Das Team des Forums hat Ihr Konto bis {when} (UTC) gesperrt. Bis dahin können Sie sich nicht anmelden, und alle Sitzungen des Kontos wurden beendet.',
  'If you think this is a mistake, contact the staff of {site}. {footnote}':
    'Wenn Sie das für einen Fehler halten, wenden Sie sich an das Team von {site}. {footnote}',
  'New on {site}: {title}': 'Neu bei {site}: {title}',
  'Your {scope, select, daily {daily} weekly {weekly} other {{scope}}} digest from {site}':
    'Ihre {scope, select, daily {tägliche} weekly {wöchentliche} other {{scope}}} Zusammenfassung von {site}',
  'Busy in the tags you watch: {threads}.': 'Viel los in den Tags, die Sie beobachten: {threads}.',
  'Read it on the site': 'Auf der Website lesen',
  'Choose which mail you get: {settings}. Stop all notification mail with one click: {unsubscribe}':
    'Wählen Sie, welche Mails Sie erhalten: {settings}. Alle Benachrichtigungs-Mails mit einem Klick abbestellen: {unsubscribe}',
} as const satisfies Record<string, string>
