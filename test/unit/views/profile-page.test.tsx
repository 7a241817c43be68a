import { describe, expect, it } from 'vitest'
import { ProfilePage, type ProfileView } from '../../../src/views/pages/profile-page.js'
import { renderDocument } from '../../../src/views/render.js'
import { count, makePaging, makeSite, makeThreadItem } from './fixtures.js'

const profile: ProfileView = {
  username: 'quinn_dts',
  title: 'DTS Engineer',
  role: 'moderator',
  joinedAt: Date.UTC(2025, 6, 14, 9, 3),
  counts: { threads: 12, replies: 1849, boostsReceived: 310, accepted: 97 },
}

describe('ProfilePage', () => {
  const render = (overrides: Partial<Parameters<typeof ProfilePage>[0]> = {}) =>
    renderDocument(
      <ProfilePage
        site={makeSite()}
        profile={profile}
        threads={[makeThreadItem()]}
        paging={makePaging({ page: 2, pageCount: 3 })}
        {...overrides}
      />,
    )

  it('heads with the name and staff title, the join date and the four counts', () => {
    const html = render()
    expect(count(html, /<h1[\s>]/)).toBe(1)
    expect(html).toMatch(
      /<h1 class="profile-name"><img class="avatar" src="\/avatars\/v1\/quinn_dts.svg" width="64" height="64" alt loading="lazy" decoding="async"\/>quinn_dts <span class="staff-title">DTS Engineer<\/span><\/h1>/,
    )
    expect(html).toContain('Joined <time datetime="2025-07-14T09:03:00.000Z">14 Jul 2025</time>')
    // Each count links to the tab that lists it; boosts have no list.
    const shown = '<span class="visually-hidden"> (show them)</span></a></dd>'
    expect(html).toContain(`<dt>Threads</dt><dd><a href="/users/quinn_dts">12${shown}`)
    expect(html).toContain(`<dt>Replies</dt><dd><a href="/users/quinn_dts/answers">1,849${shown}`)
    expect(html).toContain('<dt>Boosts received</dt><dd>310</dd>')
    expect(html).toContain(
      `<dt>Accepted answers</dt><dd><a href="/users/quinn_dts/answers">97${shown}`,
    )
    expect(html).toContain('Moderator')
  })

  it('shows the threads in the shared table and pages with /users/NAME?page=N', () => {
    const html = render()
    expect(html).toContain('<table class="thread-table">')
    expect(html).toContain(
      '<caption class="visually-hidden">Threads by quinn_dts, page 2 of 3</caption>',
    )
    expect(html).toContain('href="/users/quinn_dts?page=3"')
    expect(html).toMatch(
      /<a class="pagination-page" href="\/users\/quinn_dts" aria-label="Page 1">/,
    )
    expect(html).toContain(
      '<link rel="canonical" href="https://quorum.example/users/quinn_dts?page=2"/>',
    )
  })

  it('has an empty state and no title badge for a member without threads', () => {
    const html = render({
      profile: { ...profile, username: 'new_dev', title: null, role: 'member' },
      threads: [],
      paging: makePaging({ page: 1, pageCount: 0, total: 0 }),
    })
    expect(html).toMatch(/<h1 class="profile-name"><img [^>]+>new_dev<\/h1>/)
    expect(html).toContain('new_dev has not started a thread yet.')
    expect(html).not.toContain('<table')
    expect(html).not.toContain('Moderator')
  })

  it('shows the Answers tab as a list, the accepted answer marked, paged under /answers', () => {
    const html = render({
      tab: 'answers',
      threads: [],
      posts: [
        {
          id: 41,
          kind: 'reply',
          threadId: 7,
          threadTitle: 'mbuf leak on unload',
          threadSlug: 'mbuf-leak-on-unload',
          createdAt: Date.UTC(2025, 6, 14, 9, 3),
          excerpt: 'Call mbuf_freem on the whole chain.',
          boostCount: 3,
          accepted: true,
        },
      ],
    })
    expect(html).toContain('<a href="/users/quinn_dts/answers" aria-current="page">Answers</a>')
    expect(html).toContain('href="/threads/7/mbuf-leak-on-unload#post-41"')
    expect(html).toContain('✓ Accepted')
    expect(html).toContain('3 boosts')
    expect(html).toContain('href="/users/quinn_dts/answers?page=3"')
    expect(html).toContain(
      '<link rel="canonical" href="https://quorum.example/users/quinn_dts/answers?page=2"/>',
    )
    expect(html).not.toContain('<table')
  })
})
