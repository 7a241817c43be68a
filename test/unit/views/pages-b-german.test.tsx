/**
 * Pages whose sentences hold choices and links (a crash's sites, a bug report's "reported fixed", a tag's
 * admin page, a person's standing) in German, and the same pages in English as before.
 */
import { describe, expect, it } from 'vitest'
import { AdminTagPage } from '../../../src/views/pages/admin-tags-page.js'
import { PersonStaffPage } from '../../../src/views/pages/person-staff-page.js'
import { SignaturePage } from '../../../src/views/pages/signature-page.js'
import { renderDocument } from '../../../src/views/render.js'
import { parseHtml } from '../../support/html.js'
import { kernelTag, makeSite, makeThreadItem, NOW } from './fixtures.js'

const DAY = 86_400_000
const text = (html: string, selector: string) =>
  [...parseHtml(html).querySelectorAll(selector)].map((e) =>
    (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
  )

describe('SignaturePage in German', () => {
  const crash = (locale: 'en' | 'de') =>
    renderDocument(
      <SignaturePage
        site={makeSite()}
        kind="crash"
        signatureKey="3f2a9c1b0d4e"
        label="EXC_BAD_ACCESS"
        detail="crash: EXC_BAD_ACCESS (SIGSEGV)"
        threadCount={3}
        threads={[{ ...makeThreadItem(), postCount: 2 }]}
        nextHref={null}
        searchHref={null}
        crash={{
          policy: false,
          moreSites: true,
          sites: [
            {
              site: 'a',
              frames: ['Quillpad  autosave + 12'],
              threadCount: 3,
              threads: [
                { id: 7, title: 'Quillpad crashes in autosave', slug: 'quillpad-crashes' },
                { id: 8, title: 'Autosave crash on wake', slug: 'autosave-crash' },
              ],
            },
            { site: 'b', frames: [], threadCount: 1, threads: [] },
          ],
          processes: [
            { name: 'Quillpad', threadCount: 2 },
            { name: 'Harbor', threadCount: 1 },
          ],
        }}
      />,
      locale,
    )

  it('counts a crash’s sites and processes in whole German sentences', () => {
    const html = crash('de')
    expect(text(html, '.listing-count')).toEqual(['3 Threads erwähnen es'])
    expect(text(html, '.crash-site-count')).toEqual([
      '3 Threads an dieser Stelle: Quillpad crashes in autosave, Autosave crash on wake, …',
      '1 Thread an dieser Stelle.',
    ])
    expect(text(html, '.crash-processes')).toEqual([
      'Gesehen in: Quillpad (2 Threads), Harbor (1 Thread).',
    ])
    expect(text(html, '.crash-site-count a').length).toBe(2)
    expect(text(html, '#crash-sites-title')).toEqual(['Wo es passiert ist'])
  })

  it('keeps the English as it was', () => {
    const html = crash('en')
    expect(text(html, '.listing-count')).toEqual(['3 threads mention it'])
    expect(text(html, '.crash-site-count')).toEqual([
      '3 threads at this site: Quillpad crashes in autosave, Autosave crash on wake, …',
      '1 thread at this site.',
    ])
    expect(text(html, '.crash-processes')).toEqual([
      'Seen in: Quillpad (2 threads), Harbor (1 thread).',
    ])
  })

  const reference = (locale: 'en' | 'de', release: { label: string; href: string } | null) =>
    renderDocument(
      <SignaturePage
        site={makeSite()}
        kind="reference"
        signatureKey="FB24681357"
        label="FB24681357"
        detail=""
        threadCount={1}
        threads={[{ ...makeThreadItem(), postCount: 2 }]}
        nextHref={null}
        searchHref="/search?q=FB24681357"
        reference={{
          firstSeenAt: Date.UTC(2026, 9, 1),
          lastSeenAt: Date.UTC(2026, 9, 7),
          fixed: {
            release,
            at: Date.UTC(2026, 9, 9),
            by: 'staff',
            thread: { title: 'Fixed in the update', href: '/threads/9/fixed' },
          },
        }}
      />,
      locale,
    )

  it('says who reported a bug fixed, where and in which release, with its links', () => {
    const release = { label: 'macOS 26.2 (25C56)', href: '/signatures/os/25C56' }
    const de = reference('de', release)
    expect(text(de, '.reference-status p')).toEqual([
      'Zuerst genannt am 1. Oktober 2026, zuletzt am 7. Oktober 2026.',
      'Als behoben gemeldet in macOS 26.2 (25C56) vom Team am 9. Oktober 2026, in Fixed in the update.',
    ])
    const links = parseHtml(de).querySelectorAll('.reference-status a')
    expect([...links].map((a) => a.getAttribute('href'))).toEqual([
      '/signatures/os/25C56',
      '/threads/9/fixed',
    ])
    expect(text(de, '.reference-status strong')).toEqual(['Als behoben gemeldet'])
    expect(text(de, '.signature-kind')).toEqual(['Fehlerbericht'])
    expect(text(de, '.page-header a[href^="/search"]')).toEqual(['Mit diesem Fehlerbericht suchen'])
    expect(text(reference('en', release), '.reference-status p')[1]).toBe(
      'Reported fixed in macOS 26.2 (25C56) by staff on 9 Oct 2026, in Fixed in the update.',
    )
    expect(text(reference('en', null), '.reference-status p')[1]).toBe(
      'Reported fixed by staff on 9 Oct 2026, in Fixed in the update.',
    )
  })
})

describe('admin pages in German', () => {
  it('shows a tag’s admin page in German', () => {
    const page = (locale: 'en' | 'de') =>
      renderDocument(
        <AdminTagPage
          site={makeSite()}
          tag={{ ...kernelTag, threadCount: 1 }}
          otherSlugs={[]}
          oldSlugs={['xnu', 'darwin-kernel']}
          limits={{ slugMax: 40, slugPattern: '[a-z0-9-]+', nameMax: 40, descriptionMax: 300 }}
          form={{ values: { slug: '', name: '', description: '', into: '' }, errors: {} }}
        />,
        locale,
      )
    const de = page('de')
    expect(text(de, 'h1')).toEqual([`Tag ${kernelTag.slug}`])
    expect(text(de, '.lede')).toEqual([`${kernelTag.name}: 1 Thread.`])
    expect(text(de, '.tag-old-slugs')).toEqual([
      'Alte Adressen, die hierher weiterleiten: xnu, darwin-kernel',
    ])
    expect(text(de, 'section > h2')).toEqual([
      'Umbenennen',
      'Beschreibung',
      'Mit einem anderen Tag zusammenführen',
      'Löschen',
    ])
    const en = page('en')
    expect(text(en, '.lede')).toEqual([`${kernelTag.name}: 1 thread.`])
    expect(text(en, '.tag-old-slugs')).toEqual([
      'Old addresses that redirect here: xnu, darwin-kernel',
    ])
  })

  it('shows a person’s standing in German, roles and levels by their German names', () => {
    const page = (locale: 'en' | 'de') =>
      renderDocument(
        <PersonStaffPage
          site={makeSite()}
          person={{
            id: 5,
            username: 'ada_fs',
            role: 'moderator',
            title: null,
            trustLevel: 'trusted',
            trustLevelLocked: true,
            silencedUntil: Date.now() + 3 * DAY,
            silenceReason: 'Cool off',
            suspendedUntil: null,
            suspendReason: null,
            createdAt: NOW - 400 * DAY,
          }}
          canAdminister
          titleMax={40}
        />,
        locale,
      )
    const de = page('de')
    expect(text(de, 'h1')).toEqual(['Team: ada_fs'])
    expect(text(de, '[data-field="role"]')).toEqual(['Moderator'])
    expect(text(de, '[data-field="trust"]')).toEqual(['vertrauenswürdig (vom Team festgelegt)'])
    expect(text(de, '[data-field="silenced"]')[0]).toMatch(/^bis \d+\. \S+ \d{4}: Cool off$/)
    expect(text(de, '[data-field="suspended"]')).toEqual(['nein'])
    expect(text(de, '#staff-role option')).toEqual(['Mitglied', 'Moderator', 'Admin'])
    const en = page('en')
    expect(text(en, '[data-field="trust"]')).toEqual(['trusted (set by staff)'])
    expect(text(en, '#staff-role option')).toEqual(['member', 'moderator', 'admin'])
  })
})
