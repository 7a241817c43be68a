/**
 * German for what the http layer and the domain say outside the views: failures (form errors, error
 * pages, the islands' JSON errors), refusals, notices the routes build, and the domain's label tables.
 */
export const MESSAGES = {
  'That is already your address.': 'Das ist bereits Ihre Adresse.',
  'That is not your current password.': 'Das ist nicht Ihr aktuelles Passwort.',
  'Enter your username or email address.':
    'Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein.',
  'That is longer than any username or address.':
    'Das ist länger als jeder Benutzername und jede Adresse.',
  'Your account has no email address to confirm.':
    'Ihr Konto hat keine E-Mail-Adresse, die bestätigt werden könnte.',
  'Your address is already confirmed.': 'Ihre Adresse ist bereits bestätigt.',
  'Choose what to block: {kinds}.': 'Wählen Sie, was gesperrt werden soll: {kinds}.',
  'A reason is at most {blockReasonMax} characters.':
    'Eine Begründung hat höchstens {blockReasonMax} Zeichen.',
  'Name the token (1 to {tokenNameMax} characters), e.g. “CI bot”.':
    'Benennen Sie das Token (1 bis {tokenNameMax} Zeichen), z. B. „CI-Bot“.',
  'Choose at least one scope: read, write, moderate or admin.':
    'Wählen Sie mindestens einen Bereich: read, write, moderate oder admin.',
  'Your role cannot hold the “{beyond}” scope.':
    'Ihre Rolle kann den Bereich „{beyond}“ nicht erhalten.',
  'Choose how long the token lasts: 7, 30, 90 or 365 days, or never.':
    'Wählen Sie, wie lange das Token gilt: 7, 30, 90 oder 365 Tage oder unbegrenzt.',
  'You have {tokensPerPerson} tokens already: revoke one you no longer use first.':
    'Sie haben bereits {tokensPerPerson} Tokens: Widerrufen Sie zuerst eines, das Sie nicht mehr nutzen.',
  'Choose an image file to upload.': 'Wählen Sie eine Bilddatei zum Hochladen.',
  'The image is {size} KB; an avatar may be at most {max} KB.':
    'Das Bild ist {size} KB groß; ein Avatar darf höchstens {max} KB groß sein.',
  'This file is not a PNG, JPEG, WebP or GIF image (SVG is not accepted). Choose one of those.':
    'Diese Datei ist kein PNG-, JPEG-, WebP- oder GIF-Bild (SVG wird nicht angenommen). Wählen Sie eines dieser Formate.',
  'The image is {width}×{height} pixels; an avatar may be at most {max}×{max}.':
    'Das Bild ist {width}×{height} Pixel groß; ein Avatar darf höchstens {max}×{max} groß sein.',
  'The image is {width}×{height} pixels; an avatar must be at least {min}×{min}.':
    'Das Bild ist {width}×{height} Pixel groß; ein Avatar muss mindestens {min}×{min} groß sein.',
  'Sign in to boost posts.': 'Melden Sie sich an, um Beiträge zu boosten.',
  'You cannot boost your own post.': 'Sie können Ihren eigenen Beitrag nicht boosten.',
  'Sign in to keep drafts.': 'Melden Sie sich an, um Entwürfe zu speichern.',
  'This thread takes no replies from you.': 'Dieser Thread nimmt keine Antworten von Ihnen an.',
  'Keep the title under {titleMax} characters (it has {titleLength}); the draft is not saved.':
    'Halten Sie den Titel unter {titleMax} Zeichen (er hat {titleLength}); der Entwurf ist nicht gespeichert.',
  'The text is over the {max} KB a post may hold, so the draft is not saved; shorten it, or attach the log as a file.':
    'Der Text ist länger als die {max} KB, die ein Beitrag fassen kann, daher ist der Entwurf nicht gespeichert; kürzen Sie ihn oder hängen Sie das Log als Datei an.',
  'Keep the tags under {draftTagsMax} characters.':
    'Halten Sie die Tags unter {draftTagsMax} Zeichen.',
  'Choose why you are flagging this post.': 'Wählen Sie, warum Sie diesen Beitrag melden.',
  'The message must be at most {flagMessageMax} characters.':
    'Die Nachricht darf höchstens {flagMessageMax} Zeichen haben.',
  'Tell the moderators what needs their attention.':
    'Sagen Sie den Moderatoren, was ihre Aufmerksamkeit braucht.',
  'Sign in to flag a post.': 'Melden Sie sich an, um einen Beitrag zu melden.',
  'You have already flagged this post; moderators will look at it.':
    'Sie haben diesen Beitrag bereits gemeldet; die Moderatoren sehen ihn sich an.',
  'Your account cannot flag posts while it is silenced.':
    'Ihr Konto kann keine Beiträge melden, solange es stummgeschaltet ist.',
  'You cannot flag your own post.': 'Sie können Ihren eigenen Beitrag nicht melden.',
  'Only moderators hide and show posts.': 'Nur Moderatoren blenden Beiträge aus und wieder ein.',
  'Say why: the author sees this reason.': 'Geben Sie einen Grund an: Der Autor sieht ihn.',
  'The reason must be at most {hideReasonMax} characters.':
    'Der Grund darf höchstens {hideReasonMax} Zeichen haben.',
  'This post is not hidden.': 'Dieser Beitrag ist nicht ausgeblendet.',
  Spam: 'Spam',
  'Rude or abusive': 'Unhöflich oder beleidigend',
  'Off-topic': 'Themenfremd',
  'Needs staff attention': 'Braucht die Aufmerksamkeit des Teams',
  'Only moderators review flagged and held posts.':
    'Nur Moderatoren prüfen gemeldete und zurückgehaltene Beiträge.',
  'This item has been handled already; it is no longer in the queue.':
    'Dieser Eintrag wurde bereits bearbeitet; er ist nicht mehr in der Warteschlange.',
  'A flagged post is agreed or disagreed with, not approved.':
    'Einem gemeldeten Beitrag wird zugestimmt oder widersprochen, er wird nicht freigegeben.',
  'Only flagged posts are agreed with; approve or delete this one.':
    'Nur gemeldeten Beiträgen wird zugestimmt; geben Sie diesen frei oder löschen Sie ihn.',
  'Staff accounts cannot be deleted as spammers: change their role first.':
    'Konten des Teams können nicht als Spammer gelöscht werden: Ändern Sie zuerst ihre Rolle.',
  'Sign in to choose your notification mail.':
    'Melden Sie sich an, um Ihre Benachrichtigungs-Mails zu wählen.',
  'Choose immediately, daily, weekly or never.':
    'Wählen Sie sofort, täglich, wöchentlich oder nie.',
  'This unsubscribe link is not valid. Sign in to change your mail settings.':
    'Dieser Abmeldelink ist nicht gültig. Melden Sie sich an, um Ihre Mail-Einstellungen zu ändern.',
  'Sign in to mention people.': 'Melden Sie sich an, um Personen zu erwähnen.',
  'Sign in to see your notifications.': 'Melden Sie sich an, um Ihre Benachrichtigungen zu sehen.',
  'Replies to my questions': 'Antworten auf meine Fragen',
  'Comments on my replies': 'Kommentare zu meinen Antworten',
  'Mentions of me (@name)': 'Erwähnungen von mir (@name)',
  'My answer accepted': 'Meine Antwort wurde akzeptiert',
  'My reply recommended by staff': 'Meine Antwort wurde vom Team empfohlen',
  'My post edited by someone else': 'Mein Beitrag wurde von jemand anderem bearbeitet',
  'New threads in tags I watch': 'Neue Threads in Tags, die ich beobachte',
  'New posts in threads I watch': 'Neue Beiträge in Threads, die ich beobachte',
  'Boosts of my posts': 'Boosts meiner Beiträge',
  'My post hidden (by flags or staff)':
    'Mein Beitrag wurde ausgeblendet (durch Meldungen oder das Team)',
  'My hidden post shown again': 'Mein ausgeblendeter Beitrag ist wieder sichtbar',
  'My post removed by a moderator': 'Mein Beitrag wurde von einem Moderator entfernt',
  'Moderators agreeing with my flag': 'Moderatoren stimmen meiner Meldung zu',
  'Moderators disagreeing with my flag': 'Moderatoren stimmen meiner Meldung nicht zu',
  'This forum is not open for sign-up: new accounts cannot be made here right now. If you have an account, sign in to it to link this login.':
    'Dieses Forum nimmt keine Registrierungen an: Hier können gerade keine neuen Konten angelegt werden. Wenn Sie ein Konto haben, melden Sie sich dort an, um diese Anmeldung zu verknüpfen.',
  'We cannot accept a sign-up from here. If you think this is a mistake, please write to the people who run this forum.':
    'Von hier können wir keine Registrierung annehmen. Wenn Sie das für einen Fehler halten, schreiben Sie bitte den Betreibern dieses Forums.',
  'That username is taken.': 'Dieser Benutzername ist vergeben.',
  'This account uses two-factor sign-in. Sign in with your password and code first, then link this provider under Settings, Sign-in providers.':
    'Dieses Konto nutzt die Zwei-Faktor-Anmeldung. Melden Sie sich zuerst mit Passwort und Code an und verknüpfen Sie diesen Anbieter dann unter Einstellungen, Anmeldeanbieter.',
  'That login was linked to an account in the meantime.':
    'Diese Anmeldung wurde inzwischen mit einem Konto verknüpft.',
  '{providerName} is the only way into this account: set a password or link another login first.':
    '{providerName} ist der einzige Weg in dieses Konto: Legen Sie zuerst ein Passwort fest oder verknüpfen Sie eine andere Anmeldung.',
  'Sign in first.': 'Melden Sie sich zuerst an.',
  'Only replies can be accepted.': 'Nur Antworten können akzeptiert werden.',
  'Only the person who asked, or a moderator, can accept an answer.':
    'Nur die Person, die gefragt hat, oder ein Moderator kann eine Antwort akzeptieren.',
  'Only staff can recommend a reply.': 'Nur das Team kann eine Antwort empfehlen.',
  'Sign in to edit.': 'Melden Sie sich an, um zu bearbeiten.',
  'You can edit only your own posts.': 'Sie können nur Ihre eigenen Beiträge bearbeiten.',
  'Sign in to reply.': 'Melden Sie sich an, um zu antworten.',
  'Sign in to comment.': 'Melden Sie sich an, um zu kommentieren.',
  'Comments go under replies.': 'Kommentare gehören unter Antworten.',
  'This thread is locked: it takes no new comments.':
    'Dieser Thread ist gesperrt: Er nimmt keine neuen Kommentare an.',
  'This reply takes no comments.': 'Diese Antwort nimmt keine Kommentare an.',
  'The reason has at most {editReasonMax} characters.':
    'Der Grund hat höchstens {editReasonMax} Zeichen.',
  'Only staff leave a note with an edit.':
    'Nur das Team hinterlässt eine Notiz zu einer Bearbeitung.',
  'The note has at most {staffNoteMax} characters.':
    'Die Notiz hat höchstens {staffNoteMax} Zeichen.',
  'A question with replies cannot be deleted by its author; ask a moderator.':
    'Eine Frage mit Antworten kann ihr Autor nicht löschen; bitten Sie einen Moderator darum.',
  'You can delete only your own posts.': 'Sie können nur Ihre eigenen Beiträge löschen.',
  'Only moderators restore deleted posts.':
    'Nur Moderatoren stellen gelöschte Beiträge wieder her.',
  'Write a title of at least {titleMin} characters that says what the problem is.':
    'Schreiben Sie einen Titel mit mindestens {titleMin} Zeichen, der sagt, worin das Problem besteht.',
  'Keep the title under {titleMax} characters (it has {length}).':
    'Halten Sie den Titel unter {titleMax} Zeichen (er hat {length}).',
  'Write something first.': 'Schreiben Sie zuerst etwas.',
  'Keep the text under 64 KB (it is {value} KB); attach long logs as files instead.':
    'Halten Sie den Text unter 64 KB (er hat {value} KB); hängen Sie lange Logs stattdessen als Dateien an.',
  'Write a comment first.': 'Schreiben Sie zuerst einen Kommentar.',
  'Keep comments under {commentMax} characters (this one has {length}); post a reply for more.':
    'Halten Sie Kommentare unter {commentMax} Zeichen (dieser hat {length}); für mehr schreiben Sie eine Antwort.',
  'You have already edited this hidden post once; a moderator will look at it before it can change again.':
    'Sie haben diesen ausgeblendeten Beitrag bereits einmal bearbeitet; ein Moderator sieht ihn sich an, bevor er sich wieder ändern kann.',
  '{n, plural, one {# second} other {# seconds}}':
    '{n, plural, one {# Sekunde} other {# Sekunden}}',
  '{n, plural, one {# minute} other {# minutes}}': '{n, plural, one {# Minute} other {# Minuten}}',
  'The text must be at most {extractTextMax} characters.':
    'Der Text darf höchstens {extractTextMax} Zeichen haben.',
  'There is no such setting.': 'Diese Einstellung gibt es nicht.',
  'Only moderators and admins see this page.':
    'Nur Moderatoren und Administratoren sehen diese Seite.',
  'Only moderators and admins can do this.': 'Nur Moderatoren und Administratoren können das tun.',
  'You cannot silence or suspend yourself.':
    'Sie können sich nicht selbst stummschalten oder sperren.',
  'Only admins set titles.': 'Nur Administratoren vergeben Titel.',
  'A title has at most {titleMax} characters.': 'Ein Titel hat höchstens {titleMax} Zeichen.',
  'Only admins change roles.': 'Nur Administratoren ändern Rollen.',
  'Choose member, moderator or admin.': 'Wählen Sie Mitglied, Moderator oder Administrator.',
  'This is the last admin: make someone else admin first.':
    'Dies ist der letzte Administrator: Machen Sie zuerst jemand anderen zum Administrator.',
  'Days must be a whole number from 1 to {maxPinDays}, or empty.':
    'Tage müssen eine ganze Zahl von 1 bis {maxPinDays} sein oder leer bleiben.',
  'Choose site-wide or one of the thread’s tags.':
    'Wählen Sie die ganze Website oder einen der Tags des Threads.',
  'Give the other thread’s address or its number.':
    'Geben Sie die Adresse oder die Nummer des anderen Threads an.',
  'Choose another thread than this one.': 'Wählen Sie einen anderen Thread als diesen.',
  'There is no thread {id}.': 'Es gibt keinen Thread {id}.',
  'That thread is itself closed as a duplicate: choose the thread it points to.':
    'Dieser Thread ist selbst als Duplikat geschlossen: Wählen Sie den Thread, auf den er verweist.',
  '{count, plural, one {Unknown tag} other {Unknown tags}}: {tags}.':
    '{count, plural, one {Unbekannter Tag} other {Unbekannte Tags}}: {tags}.',
  'Give at least one tag.': 'Geben Sie mindestens einen Tag an.',
  'Use at most {tagsMax} tags.': 'Verwenden Sie höchstens {tagsMax} Tags.',
  'Enter a slug, such as network-extension.': 'Geben Sie einen Slug ein, etwa network-extension.',
  'A slug is up to {slugMax} lower-case letters, digits and hyphens, starting with a letter or digit (such as network-extension).':
    'Ein Slug besteht aus bis zu {slugMax} Kleinbuchstaben, Ziffern und Bindestrichen und beginnt mit einem Buchstaben oder einer Ziffer (etwa network-extension).',
  'Enter a name of 1 to {nameMax} characters.':
    'Geben Sie einen Namen mit 1 bis {nameMax} Zeichen ein.',
  'A description is at most {descriptionMax} characters (this one has {length}).':
    'Eine Beschreibung hat höchstens {descriptionMax} Zeichen (diese hat {length}).',
  'There is already a tag “{slug}”.': 'Es gibt bereits einen Tag „{slug}“.',
  'The tag “{slug}” already has that name.': 'Der Tag „{slug}“ hat bereits diesen Namen.',
  'Another tag has the slug “{slug}”: merge this tag into it instead.':
    'Ein anderer Tag hat den Slug „{slug}“: Führen Sie diesen Tag stattdessen mit ihm zusammen.',
  'The tag “{slug}” already has that name: merge this tag into it instead.':
    'Der Tag „{slug}“ hat bereits diesen Namen: Führen Sie diesen Tag stattdessen mit ihm zusammen.',
  'There is no tag “{slug}”.': 'Es gibt keinen Tag „{slug}“.',
  'A tag cannot be merged into itself.':
    'Ein Tag kann nicht mit sich selbst zusammengeführt werden.',
  '“{slug}” is on {links, plural, one {# thread} other {# threads}}: only a tag on no thread can be deleted. Merge it into another tag instead.':
    '„{slug}“ steht an {links, plural, one {# Thread} other {# Threads}}: Nur ein Tag ohne Threads kann gelöscht werden. Führen Sie ihn stattdessen mit einem anderen Tag zusammen.',
  'Sign in to ask a question.': 'Melden Sie sich an, um eine Frage zu stellen.',
  '{count, plural, one {Unknown tag} other {Unknown tags}}: {tags}. Choose from the existing tags (names or slugs, separated by commas).':
    '{count, plural, one {Unbekannter Tag} other {Unbekannte Tags}}: {tags}. Wählen Sie aus den vorhandenen Tags (Namen oder Slugs, durch Kommas getrennt).',
  'Add at least one tag, such as kernel or usb.':
    'Fügen Sie mindestens einen Tag hinzu, etwa kernel oder usb.',
  'Attach at most {attachmentsMax} files.': 'Hängen Sie höchstens {attachmentsMax} Dateien an.',
  '{fileName} is larger than 4 MB.': '{fileName} ist größer als 4 MB.',
  'Only staff can invite people.': 'Nur das Team kann Personen einladen.',
  'An invitation lasts from 1 to {invitationMaxDays} days: give a whole number of days.':
    'Eine Einladung gilt 1 bis {invitationMaxDays} Tage: Geben Sie eine ganze Zahl von Tagen an.',
  'Keep the note under {noteMax} characters.': 'Halten Sie die Notiz unter {noteMax} Zeichen.',
  'Only staff can revoke invitations.': 'Nur das Team kann Einladungen widerrufen.',
  'This invitation was used or revoked already.':
    'Diese Einladung wurde bereits verwendet oder widerrufen.',
  'after your first week and {posts, plural, one {# post} other {# posts}}':
    'nach Ihrer ersten Woche und {posts, plural, one {# Beitrag} other {# Beiträgen}}',
  'your first week and {posts, plural, one {# post} other {# posts}}':
    'nach Ihrer ersten Woche und {posts, plural, one {# Beitrag} other {# Beiträgen}}',
  'after your first {days, plural, one {# day} other {# days}} and {posts, plural, one {# post} other {# posts}}':
    'nach {days, plural, one {Ihrem ersten Tag} other {Ihren ersten # Tagen}} und {posts, plural, one {# Beitrag} other {# Beiträgen}}',
  'your first {days, plural, one {# day} other {# days}} and {posts, plural, one {# post} other {# posts}}':
    'nach {days, plural, one {Ihrem ersten Tag} other {Ihren ersten # Tagen}} und {posts, plural, one {# Beitrag} other {# Beiträgen}}',
  'New accounts can include at most {max, plural, one {# link} other {# links}} in a post; you have {links}. Links become unlimited {until}.':
    'Neue Konten können höchstens {max, plural, one {# Link} other {# Links}} in einen Beitrag setzen; Sie haben {links}. Links sind unbegrenzt {until}.',
  'New accounts can mention at most {max, plural, one {# person} other {# people}} in a post; this one mentions more. Mention the people who can help most, or wait until {until}.':
    'Neue Konten können höchstens {max, plural, one {# Person} other {# Personen}} in einem Beitrag erwähnen; dieser erwähnt mehr. Erwähnen Sie die Personen, die am meisten helfen können, oder warten Sie bis {until}.',
  'New accounts can attach text files only (logs, source code, crash reports); “{fileName}” is not one. Paste what matters into the text, or attach it {until}.':
    'Neue Konten können nur Textdateien anhängen (Logs, Quellcode, Crash-Reports); „{fileName}“ ist keine. Fügen Sie das Wichtige in den Text ein oder hängen Sie die Datei {until} an.',
  'New accounts wait {delay, plural, one {# second} other {# seconds}} between posts; please send this again in {wait, plural, one {# second} other {# seconds}}.':
    'Neue Konten warten {delay, plural, one {# Sekunde} other {# Sekunden}} zwischen Beiträgen; bitte senden Sie dies in {wait, plural, one {# Sekunde} other {# Sekunden}} erneut.',
  'Registration is closed: this forum is not taking new accounts at the moment.':
    'Die Registrierung ist geschlossen: Dieses Forum nimmt derzeit keine neuen Konten an.',
  'We could not accept this sign-up. Please check the form and send it again.':
    'Wir konnten diese Registrierung nicht annehmen. Bitte prüfen Sie das Formular und senden Sie es erneut.',
  'That was quicker than we expected from a person. Please check the form and send it again.':
    'Das ging schneller, als wir es von einem Menschen erwarten. Bitte prüfen Sie das Formular und senden Sie es erneut.',
  'This invitation cannot be used: it may have expired, been used or revoked, or be meant for another address. Ask the forum’s staff for a new one.':
    'Diese Einladung kann nicht verwendet werden: Sie ist vielleicht abgelaufen, wurde verwendet oder widerrufen oder gilt für eine andere Adresse. Bitten Sie das Team des Forums um eine neue.',
  "A passkey's name has at most {passkeyNameMax} characters.":
    'Der Name eines Passkeys hat höchstens {passkeyNameMax} Zeichen.',
  'That passkey is registered already.': 'Dieser Passkey ist bereits registriert.',
  'That passkey was not accepted. Try again.':
    'Dieser Passkey wurde nicht angenommen. Versuchen Sie es erneut.',
  'This sign-in has expired. Sign in with your password again.':
    'Diese Anmeldung ist abgelaufen. Melden Sie sich erneut mit Ihrem Passwort an.',
  'Enter a code from your app or a recovery code.':
    'Geben Sie einen Code aus Ihrer App oder einen Wiederherstellungscode ein.',
  'That code is not right, or was used already. Try the next one.':
    'Dieser Code stimmt nicht oder wurde bereits verwendet. Versuchen Sie den nächsten.',
  'Two-factor codes are already on; turn them off first.':
    'Zwei-Faktor-Codes sind bereits eingeschaltet; schalten Sie sie zuerst aus.',
  'Start again: there is no code being set up.':
    'Beginnen Sie von vorn: Es wird gerade kein Code eingerichtet.',
  'Two-factor codes are already on.': 'Zwei-Faktor-Codes sind bereits eingeschaltet.',
  'That code does not match. Enter the 6 digits your app shows now.':
    'Dieser Code stimmt nicht. Geben Sie die 6 Ziffern ein, die Ihre App jetzt zeigt.',
  'That code was used already; wait for the next one.':
    'Dieser Code wurde bereits verwendet; warten Sie auf den nächsten.',
  'Turn on two-factor codes or add a passkey first.':
    'Schalten Sie zuerst Zwei-Faktor-Codes ein oder fügen Sie einen Passkey hinzu.',
  'That is not your password.': 'Das ist nicht Ihr Passwort.',
  'Type your username, {username}, to confirm.':
    'Geben Sie zur Bestätigung Ihren Benutzernamen ein: {username}.',
  'Your account has no password: you sign in with a provider. Set a password under Settings, Password, then delete the account with it.':
    'Ihr Konto hat kein Passwort: Sie melden sich über einen Anbieter an. Legen Sie unter Einstellungen, Passwort ein Passwort fest und löschen Sie das Konto dann damit.',
  'You are the only admin. Give another account the admin role first (quorum user set-role).':
    'Sie sind der einzige Administrator. Geben Sie zuerst einem anderen Konto die Administratorrolle (quorum user set-role).',
  'Use at least {min} characters.': 'Verwenden Sie mindestens {min} Zeichen.',
  'Use at most {max} characters.': 'Verwenden Sie höchstens {max} Zeichen.',
  'This password is too common; choose another.':
    'Dieses Passwort ist zu verbreitet; wählen Sie ein anderes.',
  'Do not build the password from your username.':
    'Bilden Sie das Passwort nicht aus Ihrem Benutzernamen.',
  'Enter a whole email address, such as name@example.com.':
    'Geben Sie eine vollständige E-Mail-Adresse ein, etwa name@example.com.',
  'Enter a domain, such as example.com.': 'Geben Sie eine Domain ein, etwa example.com.',
  'Enter an IP address, such as 203.0.113.7 or 2001:db8::1.':
    'Geben Sie eine IP-Adresse ein, etwa 203.0.113.7 oder 2001:db8::1.',
  'Enter a range in CIDR form, such as 203.0.113.0/24.':
    'Geben Sie einen Bereich in CIDR-Schreibweise ein, etwa 203.0.113.0/24.',
  'This account is suspended until {when}: {reason}':
    'Dieses Konto ist gesperrt bis {when}: {reason}',
  'This account is suspended until {when}.': 'Dieses Konto ist gesperrt bis {when}.',
  'Your account cannot post until {when}: {reason}':
    'Ihr Konto kann bis {when} keine Beiträge schreiben: {reason}',
  'Your account cannot post until {when}.': 'Ihr Konto kann bis {when} keine Beiträge schreiben.',
  'Days must be a whole number from 0 to {maxPenaltyDays}.':
    'Tage müssen eine ganze Zahl von 0 bis {maxPenaltyDays} sein.',
  'Say why: the person sees this reason.': 'Geben Sie einen Grund an: Die Person sieht ihn.',
  'The reason must be at most {penaltyReasonMax} characters.':
    'Der Grund darf höchstens {penaltyReasonMax} Zeichen haben.',
  'Staff cannot be silenced or suspended: change their role first.':
    'Teammitglieder können nicht stummgeschaltet oder gesperrt werden: Ändern Sie zuerst ihre Rolle.',
  'That username or email and password do not match an account.':
    'Benutzername oder E-Mail-Adresse und Passwort passen zu keinem Konto.',
  'An account with this email exists already: sign in to it below to link this login.':
    'Ein Konto mit dieser E-Mail-Adresse gibt es bereits: Melden Sie sich unten dort an, um diese Anmeldung zu verknüpfen.',
  'The username {username} is taken.': 'Der Benutzername {username} ist vergeben.',
  'An account uses {email} already.': 'Ein Konto verwendet {email} bereits.',
  'Use only letters, digits, - and _.': 'Verwenden Sie nur Buchstaben, Ziffern, - und _.',
  'That email address is too long.': 'Diese E-Mail-Adresse ist zu lang.',
  'Enter an email address like name@example.com.':
    'Geben Sie eine E-Mail-Adresse wie name@example.com ein.',
  'Sign in to watch threads and tags.': 'Melden Sie sich an, um Threads und Tags zu beobachten.',
  'Choose watching, tracking, normal or muted.':
    'Wählen Sie Beobachten, Verfolgen, Normal oder Stumm.',
  'Sign in to choose your watch defaults.':
    'Melden Sie sich an, um Ihre Standards fürs Beobachten zu wählen.',
  'Choose watching, tracking or normal.': 'Wählen Sie Beobachten, Verfolgen oder Normal.',
  'Notify me of every new post.': 'Über jeden neuen Beitrag benachrichtigen.',
  Tracking: 'Verfolgen',
  'Count new posts; notify me of mentions and replies to me.':
    'Neue Beiträge zählen; bei Erwähnungen und Antworten an mich benachrichtigen.',
  Normal: 'Normal',
  'Notify me only of mentions and replies to me.':
    'Nur bei Erwähnungen und Antworten an mich benachrichtigen.',
  Muted: 'Stumm',
  'Never notify me.': 'Nie benachrichtigen.',
  'The URL must be at most {max} characters.': 'Die URL darf höchstens {max} Zeichen haben.',
  'Enter a whole URL, such as https://hooks.example.com/quorum.':
    'Geben Sie eine vollständige URL ein, etwa https://hooks.example.com/quorum.',
  'Only http and https URLs can receive webhooks.':
    'Nur http- und https-URLs können Webhooks empfangen.',
  'Put no user name or password in the URL: verify the signature instead.':
    'Setzen Sie keinen Benutzernamen und kein Passwort in die URL: Prüfen Sie stattdessen die Signatur.',
  'Choose at least one event to send.': 'Wählen Sie mindestens ein Ereignis, das gesendet wird.',
  'The description must be at most 200 characters.':
    'Die Beschreibung darf höchstens 200 Zeichen haben.',
  'That account does not exist or has been deleted.':
    'Dieses Konto existiert nicht oder wurde gelöscht.',
  'That block does not exist or has been deleted.':
    'Diese Sperre existiert nicht oder wurde gelöscht.',
  'That delivery does not exist or has been deleted.':
    'Diese Zustellung existiert nicht oder wurde gelöscht.',
  'That invitation does not exist or has been deleted.':
    'Diese Einladung existiert nicht oder wurde gelöscht.',
  'That login does not exist or has been deleted.':
    'Diese Anmeldung existiert nicht oder wurde gelöscht.',
  'That notification does not exist or has been deleted.':
    'Diese Benachrichtigung existiert nicht oder wurde gelöscht.',
  'That passkey does not exist or has been deleted.':
    'Dieser Passkey existiert nicht oder wurde gelöscht.',
  'That person does not exist or has been deleted.':
    'Diese Person existiert nicht oder wurde gelöscht.',
  'That post does not exist or has been deleted.':
    'Dieser Beitrag existiert nicht oder wurde gelöscht.',
  'That reply does not exist or has been deleted.':
    'Diese Antwort existiert nicht oder wurde gelöscht.',
  'That review item does not exist or has been deleted.':
    'Dieser Prüfeintrag existiert nicht oder wurde gelöscht.',
  'That session does not exist or has been deleted.':
    'Diese Sitzung existiert nicht oder wurde gelöscht.',
  'That tag does not exist or has been deleted.': 'Dieser Tag existiert nicht oder wurde gelöscht.',
  'That thread does not exist or has been deleted.':
    'Dieser Thread existiert nicht oder wurde gelöscht.',
  'That token does not exist or has been deleted.':
    'Dieses Token existiert nicht oder wurde gelöscht.',
  'That webhook does not exist or has been deleted.':
    'Dieser Webhook existiert nicht oder wurde gelöscht.',
  'That {what} does not exist or has been deleted.':
    'Das Gesuchte ({what}) existiert nicht oder wurde gelöscht.',
  'Too many attempts. Try again in {wait}.':
    'Zu viele Versuche. Versuchen Sie es in {wait} erneut.',
  'Not found': 'Nicht gefunden',
  'Not allowed': 'Nicht erlaubt',
  'Check your input': 'Prüfen Sie Ihre Eingabe',
  Conflict: 'Konflikt',
  'Slow down': 'Langsamer, bitte',
  'Page not found': 'Seite nicht gefunden',
  'There is nothing at this address. It may have been moved or deleted.':
    'Unter dieser Adresse gibt es nichts. Vielleicht wurde es verschoben oder gelöscht.',
  'Bad request': 'Ungültige Anfrage',
  'Something went wrong': 'Etwas ist schiefgegangen',
  'The error has been logged (request {id}). Please try again in a moment.':
    'Der Fehler wurde protokolliert (Anfrage {id}). Bitte versuchen Sie es gleich noch einmal.',
  'The forum is busy': 'Das Forum ist ausgelastet',
  'Too many requests are waiting for the database right now. Please try again in 5 seconds.':
    'Gerade warten zu viele Anfragen auf die Datenbank. Bitte versuchen Sie es in 5 Sekunden erneut.',
  'The forum is briefly unavailable': 'Das Forum ist kurz nicht erreichbar',
  'The forum’s database is not answering right now (a restart, most likely). Nothing you sent was saved; please try again in 5 seconds.':
    'Die Datenbank des Forums antwortet gerade nicht (wahrscheinlich ein Neustart). Nichts von dem, was Sie gesendet haben, wurde gespeichert; bitte versuchen Sie es in 5 Sekunden erneut.',
  'The forum cannot save right now': 'Das Forum kann gerade nicht speichern',
  'The forum’s disk is full, so nothing can be saved until its operators make room. Nothing you sent was saved; please try again in a minute.':
    'Der Datenträger des Forums ist voll, daher kann nichts gespeichert werden, bis die Betreiber Platz schaffen. Nichts von dem, was Sie gesendet haben, wurde gespeichert; bitte versuchen Sie es in einer Minute erneut.',
  'Form expired': 'Formular abgelaufen',
  'This form has expired or came from another site. Go back, reload the page and try again.':
    'Dieses Formular ist abgelaufen oder kam von einer anderen Website. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.',
  '{where, select, querystring {Query parameter} params {Path segment} body {Field} headers {Header} other {Parameter}} “{field}” is not accepted here.':
    '{where, select, querystring {Abfrageparameter} params {Pfadsegment} body {Feld} headers {Header} other {Parameter}} „{field}“ ist hier nicht erlaubt.',
  '{where, select, querystring {Query parameter} params {Path segment} body {Field} headers {Header} other {Parameter}} “{field}” must be one of {allowed}.':
    '{where, select, querystring {Abfrageparameter} params {Pfadsegment} body {Feld} headers {Header} other {Parameter}} „{field}“ muss einer dieser Werte sein: {allowed}.',
  '{where, select, querystring {Query parameter} params {Path segment} body {Field} headers {Header} other {Parameter}} “{field}” must be a number.':
    '{where, select, querystring {Abfrageparameter} params {Pfadsegment} body {Feld} headers {Header} other {Parameter}} „{field}“ muss eine Zahl sein.',
  '{where, select, querystring {Query parameter} params {Path segment} body {Field} headers {Header} other {Parameter}} “{field}” must be {limit} or more.':
    '{where, select, querystring {Abfrageparameter} params {Pfadsegment} body {Feld} headers {Header} other {Parameter}} „{field}“ muss mindestens {limit} sein.',
  '{where, select, querystring {Query parameter} params {Path segment} body {Field} headers {Header} other {Parameter}} “{field}” must be {limit} or less.':
    '{where, select, querystring {Abfrageparameter} params {Pfadsegment} body {Feld} headers {Header} other {Parameter}} „{field}“ darf höchstens {limit} sein.',
  '{where, select, querystring {Query parameter} params {Path segment} body {Field} headers {Header} other {Parameter}} “{field}” contains characters that are not allowed here.':
    '{where, select, querystring {Abfrageparameter} params {Pfadsegment} body {Feld} headers {Header} other {Parameter}} „{field}“ enthält Zeichen, die hier nicht erlaubt sind.',
  '{where, select, querystring {Query parameter} params {Path segment} body {Field} headers {Header} other {Parameter}} “{field}” is not valid.':
    '{where, select, querystring {Abfrageparameter} params {Pfadsegment} body {Feld} headers {Header} other {Parameter}} „{field}“ ist ungültig.',
  '{where, select, querystring {Query parameter} params {Path segment} body {Field} headers {Header} other {Parameter}} “{field}” {detail}.':
    '{where, select, querystring {Abfrageparameter} params {Pfadsegment} body {Feld} headers {Header} other {Parameter}} „{field}“ ist ungültig ({detail}).',
  'Method not allowed': 'Methode nicht erlaubt',
  'Too large': 'Zu groß',
  'Unsupported type': 'Nicht unterstützter Typ',
  'Too many requests': 'Zu viele Anfragen',
  'Request failed': 'Anfrage fehlgeschlagen',
  'The request could not be read. Go back, reload the page and try again.':
    'Die Anfrage konnte nicht gelesen werden. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.',
  'This address does not answer that kind of request.':
    'Diese Adresse beantwortet diese Art von Anfrage nicht.',
  'What you sent is larger than this page accepts.':
    'Was Sie gesendet haben, ist größer, als diese Seite annimmt.',
  'This page does not accept that kind of content.':
    'Diese Seite nimmt diese Art von Inhalt nicht an.',
  'Too many requests in a short time. Please wait a minute and try again.':
    'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie eine Minute und versuchen Sie es erneut.',
  'Confirm your email address before you post: open the link we sent to it, or use "Send again" above for a new one.':
    'Bestätigen Sie Ihre E-Mail-Adresse, bevor Sie schreiben: Öffnen Sie den Link, den wir Ihnen geschickt haben, oder fordern Sie oben mit „Erneut senden“ einen neuen an.',
  'Sign in to post.': 'Melden Sie sich an, um zu schreiben.',
  'No such page': 'Keine solche Seite',
  '{what} has {pages, plural, one {# page} other {# pages}}; page {page} is past the last.':
    '{what} hat {pages, plural, one {# Seite} other {# Seiten}}; Seite {page} liegt hinter der letzten.',
  'Go to the last page ({pages})': 'Zur letzten Seite ({pages})',
  'Name a thread, tag or home.': 'Nennen Sie einen Thread, einen Tag oder die Startseite.',
  'Too many open live streams.': 'Zu viele offene Live-Verbindungen.',
  'Cross-site requests are not accepted.': 'Anfragen von anderen Websites werden nicht angenommen.',
  'Sign in to manage your account.': 'Melden Sie sich an, um Ihr Konto zu verwalten.',
  'Only staff manage invitations.': 'Nur das Team verwaltet Einladungen.',
  'Only admins manage webhooks.': 'Nur Administratoren verwalten Webhooks.',
  'Queued to be sent again.': 'Zum erneuten Senden eingereiht.',
  'You have asked many questions this hour. Try again in {wait}.':
    'Sie haben in dieser Stunde viele Fragen gestellt. Versuchen Sie es in {wait} erneut.',
  'The forum is receiving many attachments right now. Your question is below: post it again in {wait}.':
    'Das Forum erhält gerade sehr viele Anhänge. Ihre Frage steht unten: Senden Sie sie in {wait} erneut.',
  'Attach at most {max} files; paste the relevant part of the others.':
    'Hängen Sie höchstens {max} Dateien an; fügen Sie aus den übrigen den wichtigen Teil ein.',
  '{fileName} is larger than {max} MB; attach a smaller file or paste the relevant part.':
    '{fileName} ist größer als {max} MB; hängen Sie eine kleinere Datei an oder fügen Sie den wichtigen Teil ein.',
  'This is far over the {max} KB a question may hold; only its first {received} MB came through. Shorten it, or attach the log as a file.':
    'Das ist weit mehr als die {max} KB, die eine Frage fassen kann; nur die ersten {received} MB sind angekommen. Kürzen Sie den Text oder hängen Sie das Log als Datei an.',
  'The form has more fields than the ask form.':
    'Das Formular hat mehr Felder als das Frageformular.',
  'The form could not be read: its multipart encoding is broken. Reload the page and try again.':
    'Das Formular konnte nicht gelesen werden: Seine Multipart-Kodierung ist beschädigt. Laden Sie die Seite neu und versuchen Sie es erneut.',
  'Attachment not found': 'Anhang nicht gefunden',
  'This file does not exist or its post has been deleted.':
    'Diese Datei existiert nicht oder ihr Beitrag wurde gelöscht.',
  'Avatar updated: your posts and profile show the new image.':
    'Avatar aktualisiert: Ihre Beiträge und Ihr Profil zeigen das neue Bild.',
  'Uploaded avatar removed: your posts and profile show the avatar drawn from your name.':
    'Hochgeladener Avatar entfernt: Ihre Beiträge und Ihr Profil zeigen den aus Ihrem Namen gezeichneten Avatar.',
  'Sign in to change your password.': 'Melden Sie sich an, um Ihr Passwort zu ändern.',
  'Password changed; your other sessions were signed out.':
    'Passwort geändert; Ihre anderen Sitzungen wurden abgemeldet.',
  'Sign in to change your avatar.': 'Melden Sie sich an, um Ihren Avatar zu ändern.',
  'You have changed your avatar {count} times this hour. Try again in {wait}.':
    'Sie haben Ihren Avatar in dieser Stunde {count}-mal geändert. Versuchen Sie es in {wait} erneut.',
  'The forum is receiving many uploads right now. Try again in {wait}.':
    'Das Forum erhält gerade sehr viele Uploads. Versuchen Sie es in {wait} erneut.',
  'The image is larger than {max} KB; an avatar may be at most {max} KB.':
    'Das Bild ist größer als {max} KB; ein Avatar darf höchstens {max} KB groß sein.',
  'The form could not be read. Choose the image again and upload it.':
    'Das Formular konnte nicht gelesen werden. Wählen Sie das Bild erneut und laden Sie es hoch.',
  'The image was not saved.': 'Das Bild wurde nicht gespeichert.',
  'Avatar not found': 'Avatar nicht gefunden',
  'This person has no avatar here.': 'Diese Person hat hier keinen Avatar.',
  'Sign in to confirm your address.': 'Melden Sie sich an, um Ihre Adresse zu bestätigen.',
  'We are sending a new link to {email}.': 'Wir senden einen neuen Link an {email}.',
  'Sign in to change your address.': 'Melden Sie sich an, um Ihre Adresse zu ändern.',
  'We are sending a link to {email}. Your address changes when you open it.':
    'Wir senden einen Link an {email}. Ihre Adresse ändert sich, wenn Sie ihn öffnen.',
  'Send a new link from your email settings':
    'Einen neuen Link in Ihren E-Mail-Einstellungen anfordern',
  'Sign in to send a new link': 'Anmelden, um einen neuen Link anzufordern',
  'Saved your watch defaults.': 'Ihre Standards fürs Beobachten sind gespeichert.',
  'This sign-in has expired': 'Diese Anmeldung ist abgelaufen',
  'It was not started in this browser, was used already, or took longer than 10 minutes. Start again.':
    'Sie wurde nicht in diesem Browser begonnen, wurde bereits verwendet oder hat länger als 10 Minuten gedauert. Beginnen Sie von vorn.',
  '{provider} could not be reached': '{provider} war nicht erreichbar',
  '{provider} did not answer, or answered with an error. Try again in a few minutes, or sign in another way.':
    '{provider} hat nicht oder mit einem Fehler geantwortet. Versuchen Sie es in ein paar Minuten erneut oder melden Sie sich auf anderem Weg an.',
  '{provider}’s answer could not be verified':
    'Die Antwort von {provider} konnte nicht überprüft werden',
  'The sign-in was refused because its answer did not check out (a link used twice, or one not meant for this sign-in). Start again.':
    'Die Anmeldung wurde abgelehnt, weil ihre Antwort nicht stimmte (ein zweimal verwendeter Link oder einer, der nicht für diese Anmeldung bestimmt war). Beginnen Sie von vorn.',
  'Sign-in cancelled': 'Anmeldung abgebrochen',
  '{provider} did not sign you in. Start again, or sign in another way.':
    '{provider} hat Sie nicht angemeldet. Beginnen Sie von vorn oder melden Sie sich auf anderem Weg an.',
  'That login belongs to another account': 'Diese Anmeldung gehört zu einem anderen Konto',
  'This {provider} login is linked to another account here. Sign in with it to use that account, or unlink it there first.':
    'Diese {provider}-Anmeldung ist hier mit einem anderen Konto verknüpft. Melden Sie sich damit an, um jenes Konto zu nutzen, oder heben Sie die Verknüpfung dort zuerst auf.',
  'Back to your sign-in providers': 'Zurück zu Ihren Anmeldeanbietern',
  'Back to sign in': 'Zurück zur Anmeldung',
  'Sign in to change your logins.': 'Melden Sie sich an, um Ihre Anmeldungen zu ändern.',
  'The provider': 'Der Anbieter',
  'Passkey added.': 'Passkey hinzugefügt.',
  'Passkey added. Save your recovery codes now.':
    'Passkey hinzugefügt. Speichern Sie jetzt Ihre Wiederherstellungscodes.',
  'Ask for a new link': 'Einen neuen Link anfordern',
  'Sign in to preview.': 'Melden Sie sich an, um eine Vorschau zu sehen.',
  'Only moderators see the review queue.': 'Nur Moderatoren sehen die Prüfwarteschlange.',
  'These results have {pages, plural, one {# page} other {# pages}}; page {page} is past the last.':
    'Diese Ergebnisse haben {pages, plural, one {# Seite} other {# Seiten}}; Seite {page} liegt hinter der letzten.',
  'Sign in to manage sessions.': 'Melden Sie sich an, um Sitzungen zu verwalten.',
  'Nothing mentions this': 'Nichts erwähnt dies',
  'No thread mentions this signature.': 'Kein Thread erwähnt diese Signatur.',
  'Search the forum': 'Das Forum durchsuchen',
  'Sign in to ask.': 'Melden Sie sich an, um zu fragen.',
  'Choose new, member or trusted.': 'Wählen Sie neu, Mitglied oder vertrauenswürdig.',
  'Tag not found': 'Tag nicht gefunden',
  'Browse all tags': 'Alle Tags ansehen',
  'There is no tag named “{slug}”.': 'Es gibt keinen Tag namens „{slug}“.',
  'Thanks! Posts from new accounts wait for a moderator before others can see them; yours will appear once approved.':
    'Danke! Beiträge neuer Konten warten auf einen Moderator, bevor andere sie sehen; Ihrer erscheint, sobald er freigegeben ist.',
  'Your post repeats text posted just before, so it waits for a moderator before others can see it.':
    'Ihr Beitrag wiederholt kurz zuvor geposteten Text und wartet daher auf einen Moderator, bevor andere ihn sehen.',
  'Thread not found': 'Thread nicht gefunden',
  'This thread does not exist or has been deleted.':
    'Dieser Thread existiert nicht oder wurde gelöscht.',
  'Browse tags': 'Tags ansehen',
  'Token revoked: it no longer works.': 'Token widerrufen: Es funktioniert nicht mehr.',
  'Sign in to make API tokens.': 'Melden Sie sich an, um API-Tokens zu erstellen.',
  'Sign in to manage API tokens.': 'Melden Sie sich an, um API-Tokens zu verwalten.',
  'Two-factor codes are on. Save your recovery codes now.':
    'Zwei-Faktor-Codes sind eingeschaltet. Speichern Sie jetzt Ihre Wiederherstellungscodes.',
  'Two-factor codes are off.': 'Zwei-Faktor-Codes sind ausgeschaltet.',
  'New recovery codes made; the old ones no longer work.':
    'Neue Wiederherstellungscodes erstellt; die alten funktionieren nicht mehr.',
  'Sign in to change your security.':
    'Melden Sie sich an, um Ihre Sicherheitseinstellungen zu ändern.',
  'No such person': 'Keine solche Person',
  'Nobody here is called “{username}”.': 'Hier heißt niemand „{username}“.',
  'Only admins can use this page.': 'Nur Administratoren können diese Seite nutzen.',
  'Only moderators and admins can use this page.':
    'Nur Moderatoren und Administratoren können diese Seite nutzen.',
  'That dead job does not exist or has been deleted.':
    'Dieser abgebrochene Job existiert nicht oder wurde gelöscht.',
  'That language does not exist or has been deleted.':
    'Diese Sprache existiert nicht oder wurde gelöscht.',
  'That sign-in provider does not exist or has been deleted.':
    'Dieser Anmeldeanbieter existiert nicht oder wurde gelöscht.',
  'Choose one of: {types}.': 'Wählen Sie eines davon: {types}.',
  'A target id is a whole number, such as 42.': 'Eine Ziel-ID ist eine ganze Zahl, etwa 42.',
  'Enter the first day as YYYY-MM-DD, such as 2026-12-01.':
    'Geben Sie den ersten Tag als JJJJ-MM-TT ein, etwa 2026-12-01.',
  'Enter the last day as YYYY-MM-DD, such as 2026-12-31.':
    'Geben Sie den letzten Tag als JJJJ-MM-TT ein, etwa 2026-12-31.',
  'The last day cannot be before the first.': 'Der letzte Tag kann nicht vor dem ersten liegen.',
  'beforeId is a whole number.': 'beforeId ist eine ganze Zahl.',
  'Site name': 'Name der Website',
  'Shown in the header, the page titles and the mail.':
    'Erscheint im Kopf, in den Seitentiteln und in den Mails.',
  'Site description': 'Beschreibung der Website',
  'The description search engines and link previews show.':
    'Die Beschreibung, die Suchmaschinen und Link-Vorschauen zeigen.',
  Registration: 'Registrierung',
  'Open to anyone, by invitation from staff, or closed.':
    'Offen für alle, auf Einladung des Teams oder geschlossen.',
  'Flags that hide a post': 'Meldungen, die einen Beitrag ausblenden',
  'Members whose flags hide a post until a moderator decides (one flag from a trusted member is enough).':
    'Mitglieder, deren Meldungen einen Beitrag ausblenden, bis ein Moderator entscheidet (eine Meldung eines vertrauenswürdigen Mitglieds genügt).',
  'Days an account stays new': 'Tage, die ein Konto neu bleibt',
  'A new account leaves the new level after this many days and the accepted posts below.':
    'Ein neues Konto verlässt die Stufe „neu“ nach so vielen Tagen und den unten genannten angenommenen Beiträgen.',
  'Posts a new account needs': 'Beiträge, die ein neues Konto braucht',
  'Posts that were not hidden or deleted.':
    'Beiträge, die nicht ausgeblendet oder gelöscht wurden.',
  'Links per post from a new account': 'Links pro Beitrag eines neuen Kontos',
  'People a new account may mention per post':
    'Personen, die ein neues Konto pro Beitrag erwähnen darf',
  'First posts of a new account that wait for approval':
    'Erste Beiträge eines neuen Kontos, die auf Freigabe warten',
  '0 publishes them at once.': 'Bei 0 erscheinen sie sofort.',
  'Seconds between posts from a new account': 'Sekunden zwischen Beiträgen eines neuen Kontos',
  'Least seconds to fill the sign-up form':
    'Mindestzeit in Sekunden zum Ausfüllen der Registrierung',
  'Faster submissions are taken for a script and refused.':
    'Schnellere Einsendungen gelten als Skript und werden abgelehnt.',
  'Days before a member can be trusted': 'Tage, bevor ein Mitglied vertrauenswürdig werden kann',
  'Boosts received before a member is trusted':
    'Erhaltene Boosts, bevor ein Mitglied vertrauenswürdig ist',
  'And no flag on their posts that staff agreed with.':
    'Und keine Meldung zu seinen Beiträgen, der das Team zugestimmt hat.',
  'Webhooks to private addresses': 'Webhooks an private Adressen',
  'Allow webhook endpoints on loopback and private networks (a receiver inside your own network). Keep “refuse” on a public forum.':
    'Webhook-Ziele auf Loopback und in privaten Netzen erlauben (ein Empfänger im eigenen Netz). In einem öffentlichen Forum auf „ablehnen“ lassen.',
  Someone: 'Jemand',
  '{who} replied to your question': '{who} hat auf Ihre Frage geantwortet',
  '{who} commented on your reply': '{who} hat Ihre Antwort kommentiert',
  '{who} mentioned you': '{who} hat Sie erwähnt',
  '{who} accepted your answer': '{who} hat Ihre Antwort akzeptiert',
  '{who} recommended your reply': '{who} hat Ihre Antwort empfohlen',
  '{who} edited your post': '{who} hat Ihren Beitrag bearbeitet',
  '{who} asked a question in a tag you watch':
    '{who} hat in einem Tag, den Sie beobachten, eine Frage gestellt',
  '{who} posted in a thread you watch':
    '{who} hat in einem Thread, den Sie beobachten, geschrieben',
  'Your post was hidden: flagged by the community. Edit it once to ask for a review':
    'Ihr Beitrag wurde ausgeblendet: von der Community gemeldet. Bearbeiten Sie ihn einmal, um eine Prüfung anzufordern',
  '{who} hid your post': '{who} hat Ihren Beitrag ausgeblendet',
  '{who} reviewed your post: it is visible again':
    '{who} hat Ihren Beitrag geprüft: Er ist wieder sichtbar',
  '{who} removed your post': '{who} hat Ihren Beitrag entfernt',
  '{who} agreed with your flag': '{who} hat Ihrer Meldung zugestimmt',
  '{who} looked at your flag and left the post up':
    '{who} hat sich Ihre Meldung angesehen und den Beitrag stehen lassen',
  '{who} boosted your post': '{who} hat Ihren Beitrag geboostet',
  '{count} people boosted your post': '{count} Personen haben Ihren Beitrag geboostet',
} as const satisfies Record<string, string>
