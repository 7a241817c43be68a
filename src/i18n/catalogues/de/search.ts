/** German for how a search query was read (domain/search, domain/signatures/search-filters.ts). */
export const SEARCH = {
  'Only the first {max, number} characters of the query were searched.':
    'Nur die ersten {max, number} Zeichen der Suchanfrage wurden gesucht.',
  'The query had an unmatched quote mark; it was ignored.':
    'Die Suchanfrage enthielt ein einzelnes Anführungszeichen; es wurde ignoriert.',
  'Only the first {max, number} words were searched.':
    'Nur die ersten {max, number} Wörter wurden gesucht.',
  'Very common words were left out: {words}.': 'Sehr häufige Wörter wurden weggelassen: {words}.',
  '{problem} “{label}” was searched as text.': '{problem} „{label}“ wurde als Text gesucht.',
  'tag: takes a tag name such as tag:kernel;': 'tag: erwartet einen Tag-Namen wie tag:kernel;',
  'user: takes a username such as user:quinn;':
    'user: erwartet einen Benutzernamen wie user:quinn;',
  'is: takes solved or unsolved;': 'is: erwartet solved oder unsolved;',
  '{name}: takes a date such as {name}:2025-06-01;':
    '{name}: erwartet ein Datum wie {name}:2025-06-01;',
  'sort: takes {sorts};': 'sort: erwartet {sorts};',
  '{name}: is not an operator;': '{name}: ist kein Operator;',
  'The query has no words to search for.':
    'Die Suchanfrage enthält keine Wörter, nach denen gesucht werden kann.',
  'There is nobody called “{name}”.': 'Niemand heißt „{name}“.',
  'build: takes a build number such as build:25B78;':
    'build: erwartet eine Build-Nummer wie build:25B78;',
  'errno: takes an error such as errno:ENOENT, errno:Err#2 or errno:22;':
    'errno: erwartet einen Fehler wie errno:ENOENT, errno:Err#2 oder errno:22;',
  'sym: takes a function or class name such as sym:vnop_lookup;':
    'sym: erwartet einen Funktions- oder Klassennamen wie sym:vnop_lookup;',
  'fb: takes a Feedback number such as fb:FB12345678;':
    'fb: erwartet eine Feedback-Nummer wie fb:FB12345678;',
  'crash: takes a crash id such as crash:3f2a9c1b0d4e;':
    'crash: erwartet eine Crash-ID wie crash:3f2a9c1b0d4e;',
  'os: takes a release such as os:"macOS 26" or os:Sequoia;':
    'os: erwartet eine Version wie os:"macOS 26" oder os:Sequoia;',
} as const satisfies Record<string, string>
