/**
 * The German catalogue is complete and every interface text goes through it (docs/i18n.md):
 * - every message the code names (`t('…')`, `tx('…')`, `msg('…')`, `translate(locale, '…')`) has a German
 *   entry with the same placeholders, and the islands' messages are in the catalogue sent to browsers;
 * - the catalogue holds no message the code no longer names, and no message twice;
 * - no view writes English past `t()`: JSX text with letters, or a literal aria-label, title, placeholder
 *   or alt, fails with its file and line.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { catalogueOf, clientCatalogueOf } from '../../../src/i18n/index.js'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const SRC = path.join(ROOT, 'src')
const CATALOGUES = path.join(SRC, 'i18n/catalogues')

/** Views written before i18n that still hold English past `t()`; empty once every view is converted. */
const NOT_YET_TRANSLATED = new Set<string>(['src/views/mail/mail-layout.tsx'])

interface Use {
  message: string
  where: string
  client: boolean
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return full === CATALOGUES ? [] : sourceFiles(full)
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : []
  })
}

const files = sourceFiles(SRC).map((file) => ({
  file: path.relative(ROOT, file),
  source: ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  ),
}))

const literal = (node: ts.Node | undefined): string | undefined =>
  node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    ? node.text
    : undefined

const where = (source: ts.SourceFile, node: ts.Node): string =>
  `${path.relative(ROOT, source.fileName)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`

/** Every message the code names, with where. */
function collectUses(): Use[] {
  const uses: Use[] = []
  for (const { file, source } of files) {
    const client = file.startsWith('src/client/')
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        const name = node.expression.text
        const arg =
          name === 't' || name === 'tx' || name === 'msg'
            ? node.arguments[0]
            : name === 'translate'
              ? node.arguments[1]
              : undefined
        const message = literal(arg)
        if (message !== undefined) uses.push({ message, where: where(source, node), client })
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return uses
}

const uses = collectUses()

/** The names of a message's placeholders and tags, sorted: what a translation must keep. */
function placeholders(message: string, rich: boolean): string[] {
  const names = new Set<string>()
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date)
        names.add(el.value)
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        names.add(el.value)
        for (const option of Object.values(el.options)) walk(option.value)
      }
      if (el.type === TYPE.tag) {
        names.add(`<${el.value}>`)
        walk(el.children)
      }
    }
  }
  walk(parse(message, { ignoreTag: !rich }))
  return [...names].sort()
}

describe('the German catalogue', () => {
  const de = catalogueOf('de')
  const client = clientCatalogueOf('de') ?? {}

  it('has every message the code names', () => {
    const missing = uses
      .filter((u) => de[u.message] === undefined)
      .map((u) => `${u.where}: ${u.message}`)
    expect(missing, 'messages without German (add them to src/i18n/catalogues/de/)').toEqual([])
  })

  it('sends the islands every message they name', () => {
    const missing = uses
      .filter((u) => u.client && client[u.message] === undefined)
      .map((u) => `${u.where}: ${u.message}`)
    expect(missing, 'island messages missing from catalogues/de/client.ts').toEqual([])
  })

  it('keeps each message’s placeholders and tags in the translation', () => {
    const wrong = Object.entries(de).flatMap(([en, german]) => {
      const rich = en.includes('<')
      const a = placeholders(en, rich)
      const b = placeholders(german, rich)
      return a.join() === b.join() ? [] : [`${en}: ${a.join()} ≠ ${b.join()}`]
    })
    expect(wrong).toEqual([])
  })

  it('holds no message the code no longer names', () => {
    const named = new Set(uses.map((u) => u.message))
    expect(Object.keys(de).filter((en) => !named.has(en))).toEqual([])
  })

  it('holds no message in two files', () => {
    const seen = new Map<string, string>()
    const twice: string[] = []
    for (const name of fs.readdirSync(path.join(CATALOGUES, 'de'))) {
      if (name === 'index.ts') continue
      const text = fs.readFileSync(path.join(CATALOGUES, 'de', name), 'utf8')
      const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true)
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAssignment(node)) {
          const key =
            literal(node.name) ?? (ts.isIdentifier(node.name) ? node.name.text : undefined)
          if (key !== undefined) {
            const other = seen.get(key)
            if (other !== undefined) twice.push(`${key}: ${other} and ${name}`)
            seen.set(key, name)
          }
        }
        ts.forEachChild(node, visit)
      }
      visit(source)
    }
    expect(twice).toEqual([])
  })
})

/** Attributes people read or hear; a literal with letters in one of them is untranslated text. */
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description'])

describe('views', () => {
  it('write no English past t()', () => {
    const found: string[] = []
    for (const { file, source } of files) {
      if (!file.endsWith('.tsx') || NOT_YET_TRANSLATED.has(file)) continue
      const visit = (node: ts.Node): void => {
        if (ts.isJsxText(node) && /[A-Za-z]{2,}/.test(node.text))
          found.push(`${where(source, node)}: ${node.text.trim().slice(0, 60)}`)
        if (
          ts.isJsxAttribute(node) &&
          READ_ATTRIBUTES.has(node.name.getText(source)) &&
          node.initializer !== undefined &&
          /[A-Za-z]{2,}/.test(literal(node.initializer) ?? '')
        )
          found.push(`${where(source, node)}: ${node.getText(source).slice(0, 60)}`)
        ts.forEachChild(node, visit)
      }
      visit(source)
    }
    expect(found, 'wrap these in t() (src/i18n) and add German').toEqual([])
  })

  it('lists only files that exist as not yet translated', () => {
    const known = new Set(files.map((f) => f.file))
    expect([...NOT_YET_TRANSLATED].filter((f) => !known.has(f))).toEqual([])
  })
})
