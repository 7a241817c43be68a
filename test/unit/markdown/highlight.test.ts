import { describe, expect, it } from 'vitest'
import {
  HIGHLIGHT_LANGUAGES,
  highlightCode,
  languageForFileName,
  languageForLabel,
  MAX_AUTODETECT_CHARS,
  MAX_HIGHLIGHT_CHARS,
  TEXT_LIKE_EXTENSIONS,
} from '../../../src/domain/markdown/index.js'
import { HOSTILE_CODE, OVERSIZED_CODE } from '../../fixtures/hostile/index.js'
import { cpuMs, HANG_GUARD_CPU_MS } from '../../support/cpu-time.js'

/** The visible text of highlighted HTML: spans removed, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<\/?span[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
}

const SAMPLES: Record<string, string> = {
  c: '#include <stdio.h>\nint main(void) {\n\tprintf("%d\\n", 1 < 2 && 3 > 2);\n\treturn 0;\n}\n',
  cpp: 'template <typename T>\nstd::vector<T> v{1, 2};\n',
  objectivec: '@interface Foo : NSObject\n- (void)bar:(NSString *)s;\n@end\n',
  swift: 'let x: [String: Int] = ["a": 1]\nguard let y = x["a"] else { return }\n',
  bash: 'for f in *.log; do echo "$f" | grep -c "<panic>"; done\n',
  shell: '$ sudo kextutil -t /tmp/My.kext\nNo kernel file specified\n',
  diff: '--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-int x;\n+long x;\n',
  json: '{"a": [1, "<b>", true, null]}\n',
  xml: '<?xml version="1.0"?>\n<plist version="1.0"><dict><key>A</key><true/></dict></plist>\n',
  python: 'def f(x):\n    return x < 3 and "<ok>"\n',
  plaintext: 'panic(cpu 0 caller 0xffffff80): "<unknown>" & more\n',
}

describe('highlightCode', () => {
  it.each(Object.entries(SAMPLES))(
    '%s: keeps the code exactly and reports the language',
    (lang, code) => {
      const result = highlightCode(code, lang)
      expect(result.lang).toBe(lang)
      expect(visibleText(result.html)).toBe(code)
      expect(result.html).not.toMatch(/<(?!\/?span\b)/) // only spans; everything else escaped
    },
  )

  it('emits highlight.js spans for known languages', () => {
    expect(highlightCode('int x;', 'c').html).toBe('<span class="hljs-type">int</span> x;')
  })

  it.each([
    ['h', 'c'],
    ['C', 'c'],
    ['c++', 'cpp'],
    ['hpp', 'cpp'],
    ['cc', 'cpp'],
    ['objc', 'objectivec'],
    ['m', 'objectivec'],
    ['mm', 'objectivec'],
    ['sh', 'bash'],
    ['zsh', 'bash'],
    ['console', 'shell'],
    ['text', 'plaintext'],
    ['txt', 'plaintext'],
    ['log', 'plaintext'],
    ['plist', 'xml'],
    ['patch', 'diff'],
    ['py', 'python'],
  ])('accepts the alias %s for %s', (alias, lang) => {
    expect(highlightCode('x', alias).lang).toBe(lang)
    expect(languageForLabel(alias)).toBe(lang)
  })

  it('renders unknown languages as escaped plain text', () => {
    expect(highlightCode('fn main() { "<b>" }', 'rust')).toEqual({
      html: 'fn main() { &quot;&lt;b&gt;&quot; }',
      lang: 'plaintext',
    })
    expect(languageForLabel('rust')).toBeNull()
    expect(highlightCode('x', '"><img src=x>').lang).toBe('plaintext')
  })

  it('normalises CRLF and lone CR to LF and keeps tabs', () => {
    const result = highlightCode('a\r\n\tb\rc\r\n', 'plaintext')
    expect(result.html).toBe('a\n\tb\nc\n')
  })

  it('replaces NUL, which is not valid in HTML text', () => {
    expect(highlightCode('a\0b', 'plaintext').html).toBe('a\uFFFDb')
  })

  it('auto-detects short unlabelled code', () => {
    const result = highlightCode(
      '#include <stdio.h>\nint main(int argc, char **argv) {\n  printf("%d", argc);\n  return 0;\n}\n',
      null,
    )
    expect(['c', 'cpp', 'objectivec']).toContain(result.lang)
    expect(result.html).toContain('hljs-')
  })

  it('treats unlabelled prose and logs as plain text', () => {
    expect(highlightCode('the kext loaded and then the machine froze', null).lang).toBe('plaintext')
    expect(highlightCode('', null)).toEqual({ html: '', lang: 'plaintext' })
    expect(highlightCode('x', '').lang).toBe('plaintext')
  })

  it('never auto-detects long unlabelled code', () => {
    const longC = 'int main(void) { return 0; }\n'.repeat(Math.ceil(MAX_AUTODETECT_CHARS / 29) + 1)
    expect(longC.length).toBeGreaterThan(MAX_AUTODETECT_CHARS)
    expect(highlightCode(longC, null).lang).toBe('plaintext')
  })

  it('escapes without highlighting past MAX_HIGHLIGHT_CHARS, keeping the label', () => {
    expect(OVERSIZED_CODE.length).toBeGreaterThan(MAX_HIGHLIGHT_CHARS)
    const { value: result, ms } = cpuMs(() => highlightCode(OVERSIZED_CODE, 'c'))
    expect(ms).toBeLessThan(HANG_GUARD_CPU_MS)
    expect(result.lang).toBe('c')
    expect(result.html).not.toContain('<span')
    expect(visibleText(result.html)).toBe(OVERSIZED_CODE)
  })

  // How fast is `npm run bench:hostile`'s to say; here, only that none of them hangs.
  it('does not hang on hostile code just under the highlighting limit', () => {
    for (const [lang, code] of HOSTILE_CODE) {
      const { value: result, ms } = cpuMs(() => highlightCode(code, lang))
      expect(ms, lang).toBeLessThan(HANG_GUARD_CPU_MS)
      expect(visibleText(result.html)).toBe(code)
    }
  })

  it('reports only language ids from the fixed list', () => {
    for (const label of ['c', 'CPP', 'rust', '', null, 'x"y', 'objective-c++']) {
      expect(HIGHLIGHT_LANGUAGES).toContain(highlightCode('x = 1', label).lang)
    }
  })
})

describe('languageForFileName', () => {
  it.each([
    ['repro.c', 'c'],
    ['IOKitLib.h', 'c'],
    ['main.cpp', 'cpp'],
    ['main.cc', 'cpp'],
    ['vector.hpp', 'cpp'],
    ['thing.cxx', 'cpp'],
    ['AppDelegate.m', 'objectivec'],
    ['Bridge.mm', 'objectivec'],
    ['View.swift', 'swift'],
    ['build.sh', 'bash'],
    ['setup.bash', 'bash'],
    ['env.zsh', 'bash'],
    ['fix.diff', 'diff'],
    ['0001-fix.patch', 'diff'],
    ['config.json', 'json'],
    ['Info.plist', 'xml'],
    ['layout.xml', 'xml'],
    ['tool.py', 'python'],
    ['notes.txt', 'plaintext'],
    ['system.log', 'plaintext'],
    ['Finder.crash', 'plaintext'],
    ['panic-full-2025-07-14.ips', 'plaintext'],
  ])('%s → %s', (name, lang) => {
    expect(languageForFileName(name)).toBe(lang)
  })

  it('ignores case and directories', () => {
    expect(languageForFileName('REPRO.C')).toBe('c')
    expect(languageForFileName('Panic.IPS')).toBe('plaintext')
    expect(languageForFileName('src/kext/main.cpp')).toBe('cpp')
    expect(languageForFileName('C:\\Users\\me\\main.Swift')).toBe('swift')
    expect(languageForFileName('dir.c/README')).toBeNull()
  })

  it.each([
    'photo.png',
    'archive.zip',
    'page.html',
    'image.svg',
    'script.js',
    'Makefile',
    'README',
    '.zshrc',
    'file.',
    '',
    'c',
  ])('%j is not text we preview', (name) => {
    expect(languageForFileName(name)).toBeNull()
  })

  it('maps every text-like extension to a language', () => {
    for (const ext of TEXT_LIKE_EXTENSIONS)
      expect(languageForFileName(`file.${ext}`), ext).not.toBeNull()
  })

  it('lists the agreed text-like extensions', () => {
    expect([...TEXT_LIKE_EXTENSIONS].sort()).toEqual(
      [
        'c',
        'h',
        'cpp',
        'cc',
        'hpp',
        'm',
        'mm',
        'swift',
        'txt',
        'log',
        'crash',
        'ips',
        'panic',
        'spin',
        'diff',
        'patch',
        'json',
        'plist',
        'sh',
        'py',
      ].sort(),
    )
    expect(Object.isFrozen(TEXT_LIKE_EXTENSIONS)).toBe(true)
  })
})
