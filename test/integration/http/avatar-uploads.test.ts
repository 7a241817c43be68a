/**
 * Uploaded avatars (issue 26, docs/avatars.md): the settings form takes a PNG, JPEG, WebP or GIF checked
 * by its magic bytes and header size, the image is served with headers that keep it inert and cached for
 * good, and posts and the profile show it (through the fragment cache, on the next uncached view).
 * Refused files bring the settings page back with the message at the field. Each person changes only
 * their own avatar, and deleting the account deletes it.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AVATAR_LIMITS, avatarLimits } from '../../../src/domain/avatars/index.js'
import { AttemptLimiter } from '../../../src/domain/shared/index.js'
import { Agent, signedIn, TEST_PASSWORD } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]

/** A PNG's signature and IHDR chunk, then `padding` bytes: enough for the checks, which read the header. */
function png(width: number, height: number, padding = 32): Uint8Array {
  const head = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...be32(13)]
  const ihdr = [0x49, 0x48, 0x44, 0x52, ...be32(width), ...be32(height), 8, 6, 0, 0, 0, 0, 0, 0, 0]
  return Uint8Array.from([...head, ...ihdr, ...new Array<number>(padding).fill(0)])
}

describe.each(DIALECTS)('%s: uploaded avatars', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    app = await buildTestApp(t.handle)
  })
  // User ids repeat in each dialect's database; the hourly counters are per process.
  beforeEach(() => {
    avatarLimits.uploads = new AttemptLimiter({
      max: AVATAR_LIMITS.uploadsPerHour,
      windowMs: 3_600_000,
    })
  })
  afterAll(async () => app?.close())

  const upload = async (agent: Agent, content: Uint8Array | string, name = 'me.png') => {
    await agent.get('/settings')
    return agent.postMultipart('/settings/avatar', {}, [{ field: 'avatar', name, content }])
  }
  const avatarVersion = async (id: number) =>
    (
      await t.db
        .selectFrom('users')
        .select('avatar_version')
        .where('id', '=', id)
        .executeTakeFirst()
    )?.avatar_version
  /** The field's message and the file input of a settings page that came back. */
  const fieldOf = (html: string) => {
    const doc = parseHtml(html)
    return {
      error: doc.querySelector('#settings-avatar-error')?.textContent ?? '',
      summary: doc.querySelector('.error-summary a[href="#settings-avatar"]')?.textContent ?? '',
      input: doc.querySelector('input#settings-avatar[type=file]'),
      invalid: doc.querySelector('#settings-avatar')?.getAttribute('aria-invalid'),
    }
  }
  /** A thread page as an anonymous reader sees it, following the redirect to its slug. */
  const threadPage = async (threadId: number) => {
    const reader = new Agent(app, '10.9.0.1')
    let res = await reader.get(`/threads/${threadId}`)
    if (res.statusCode === 301 || res.statusCode === 308)
      res = await reader.get(String(res.headers.location))
    expect(res.statusCode).toBe(200)
    return res.body
  }

  it('uploads a PNG, serves it inert and immutable, and shows it on the profile and posts', async () => {
    const { agent, id } = await signedIn(app, t.db, 'avatar_owner')
    const threadId = await make.thread(t.db, { author: 'avatar_owner' })
    // Rendered twice before the upload, so the post's fragment is in the fragment cache.
    const before = await threadPage(threadId)
    await threadPage(threadId)
    expect(before).toContain('/avatars/v1/avatar_owner.svg')

    const image = png(64, 64)
    // The name and the Content-Type the browser sends do not count; the bytes do.
    const res = await upload(agent, image, 'portrait.svg')
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toContain('/settings?avatar=saved')
    expect(await avatarVersion(id)).toBe(1)

    const served = await app.inject({ method: 'GET', url: `/avatars/u/${id}/1` })
    expect(served.statusCode).toBe(200)
    expect(served.headers['content-type']).toBe('image/png')
    expect(served.headers['x-content-type-options']).toBe('nosniff')
    expect(served.headers['content-security-policy']).toBe("default-src 'none'; sandbox")
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(new Uint8Array(served.rawPayload)).toEqual(image)

    const profile = await new Agent(app, '10.9.0.2').get('/users/avatar_owner')
    expect(parseHtml(profile.body).querySelector('.profile-name img')?.getAttribute('src')).toBe(
      `/avatars/u/${id}/1`,
    )
    const after = await threadPage(threadId)
    expect(after).toContain(`src="/avatars/u/${id}/1"`)
    expect(after).not.toContain('/avatars/v1/avatar_owner.svg')

    const settings = await agent.get('/settings?avatar=saved')
    expect(settings.body).toContain('Avatar updated')
    expect(parseHtml(settings.body).querySelector('.avatar-current img')?.getAttribute('src')).toBe(
      `/avatars/u/${id}/1`,
    )

    // A second upload is a new version; the old URL leads to it.
    expect((await upload(agent, png(128, 128))).statusCode).toBe(303)
    expect(await avatarVersion(id)).toBe(2)
    const old = await app.inject({ method: 'GET', url: `/avatars/u/${id}/1` })
    expect(old.statusCode).toBe(302)
    expect(old.headers.location).toBe(`/avatars/u/${id}/2`)
  })

  it('shows the author’s avatar in the list rows of the tag page, home, search and the profile', async () => {
    const { agent, id } = await signedIn(app, t.db, 'row_author')
    await make.thread(t.db, {
      author: 'row_author',
      tags: ['kernel'],
      title: 'Zeppelinframe drops every second packet',
    })
    const lists = ['/tags/kernel', '/', '/search?q=zeppelinframe', '/users/row_author']
    /** The avatar of the row of row_author's thread, on each list. */
    const rowAvatars = async () => {
      const found = []
      for (const url of lists) {
        const res = await new Agent(app, '10.9.0.3').get(url)
        expect(res.statusCode, url).toBe(200)
        const row = [...parseHtml(res.body).querySelectorAll('tbody tr')].find((tr) =>
          tr.querySelector('.thread-title')?.textContent?.includes('Zeppelinframe'),
        )
        const img = row?.querySelector('.thread-author img.avatar')
        found.push({
          url,
          src: img?.getAttribute('src'),
          alt: img?.getAttribute('alt'),
          size: `${img?.getAttribute('width')}x${img?.getAttribute('height')}`,
          loading: img?.getAttribute('loading'),
          name: row?.querySelector('.thread-author .user-link')?.textContent,
        })
      }
      return found
    }
    const expected = (src: string) =>
      lists.map((url) => ({
        url,
        src,
        alt: '',
        size: '20x20',
        loading: 'lazy',
        name: 'row_author',
      }))
    // Twice: the second rendering keeps each row in the row cache (views/fragment-cache.ts).
    await rowAvatars()
    expect(await rowAvatars()).toEqual(expected('/avatars/v1/row_author.svg'))
    // The avatar's version is among the cached row's inputs, so the upload shows at once.
    expect((await upload(agent, png(64, 64))).statusCode).toBe(303)
    expect(await rowAvatars()).toEqual(expected(`/avatars/u/${id}/1`))
  })

  it.each([
    ['an SVG', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'a.svg'],
    ['a text file named .png', 'this is plain text, not an image', 'notes.png'],
    ['an image over 1024 pixels wide', png(1025, 512), 'wide.png'],
    ['an image under 16 pixels high', png(64, 15), 'thin.png'],
    ['a file over 512 KB', png(64, 64, 512 * 1024), 'heavy.png'],
    // Far over: the rest of the body is read and thrown away so the page still comes back.
    ['a camera photo of 5 MB', png(64, 64, 5 * 1024 * 1024), 'camera.png'],
  ])(
    'refuses %s with the settings page and the message at the field',
    async (_what, content, name) => {
      const { agent, id } = await signedIn(app, t.db, `refused_${name.replace(/\W/g, '')}`)
      const res = await upload(agent, content, name)
      expect(res.statusCode).toBe(422)
      const field = fieldOf(res.body)
      expect(field.input).not.toBeNull()
      expect(field.error).not.toBe('')
      expect(field.summary).not.toBe('')
      expect(field.invalid).toBe('true')
      expect(await avatarVersion(id)).toBeNull()
      expect(
        await t.db.selectFrom('avatars').select('user_id').where('user_id', '=', id).execute(),
      ).toEqual([])
    },
  )

  it('says which limit a refused file passed', async () => {
    const { agent } = await signedIn(app, t.db, 'refused_sizes')
    expect(fieldOf((await upload(agent, png(2000, 40))).body).error).toContain('2000×40')
    expect(fieldOf((await upload(agent, '<svg/>', 'x.svg')).body).error).toContain(
      'not a PNG, JPEG, WebP or GIF',
    )
    expect(fieldOf((await upload(agent, png(64, 64, 600 * 1024))).body).error).toContain('512 KB')
  })

  it('removes the upload: back to the generated avatar, the old URL redirects there', async () => {
    const { agent, id } = await signedIn(app, t.db, 'avatar_remover')
    expect((await upload(agent, png(64, 64))).statusCode).toBe(303)
    await agent.get('/settings')
    const res = await agent.post('/settings/avatar/remove', {})
    expect(res.statusCode).toBe(303)
    expect(await avatarVersion(id)).toBeNull()
    const gone = await app.inject({ method: 'GET', url: `/avatars/u/${id}/1` })
    expect(gone.statusCode).toBe(302)
    expect(gone.headers.location).toBe('/avatars/v1/avatar_remover.svg')
    const profile = await new Agent(app, '10.9.0.3').get('/users/avatar_remover')
    expect(profile.body).toContain('/avatars/v1/avatar_remover.svg')
    // A later upload never reuses a URL browsers cached as immutable.
    expect((await upload(agent, png(32, 32))).statusCode).toBe(303)
    expect(await avatarVersion(id)).toBe(2)
  })

  it('changes only the viewer’s own avatar; strangers and forged forms change nothing', async () => {
    const { agent: mine, id: myId } = await signedIn(app, t.db, 'avatar_mine')
    const { agent: theirs } = await signedIn(app, t.db, 'avatar_theirs')
    expect((await upload(mine, png(64, 64))).statusCode).toBe(303)
    // The routes take no user id: another person's upload and removal are their own.
    expect((await upload(theirs, png(48, 48))).statusCode).toBe(303)
    await theirs.get('/settings')
    await theirs.post('/settings/avatar/remove', {})
    expect(await avatarVersion(myId)).toBe(1)
    // Without a session, or with another session's token, nothing is stored.
    const stranger = new Agent(app, '10.9.0.4')
    await stranger.get('/')
    stranger.csrf = mine.csrf
    expect(
      (
        await stranger.postMultipart('/settings/avatar', {}, [
          { field: 'avatar', name: 'x.png', content: png(64, 64) },
        ])
      ).statusCode,
    ).toBe(403)
    const forged = await mine.postMultipart('/settings/avatar', { _csrf: 'forged' }, [])
    expect([403, 422]).toContain(forged.statusCode)
    mine.csrf = 'not-a-token'
    const expired = await mine.postMultipart('/settings/avatar', {}, [
      { field: 'avatar', name: 'x.png', content: png(64, 64) },
    ])
    expect(expired.statusCode).toBe(403)
    expect(await avatarVersion(myId)).toBe(1)
    const removeAnon = await stranger.post('/settings/avatar/remove', {})
    expect(removeAnon.statusCode).toBe(403)
    expect(await avatarVersion(myId)).toBe(1)
  })

  it('takes 10 uploads an hour per person; the 11th gets the form back with the wait', async () => {
    const { agent, id } = await signedIn(app, t.db, 'avatar_busy')
    for (let i = 0; i < 10; i++) {
      // Refused files count too: a stream of bad files is as costly as good ones.
      const res = await upload(agent, i % 2 === 0 ? png(64, 64) : '<svg/>', 'a.png')
      expect(res.statusCode).toBe(i % 2 === 0 ? 303 : 422)
    }
    const held = await upload(agent, png(64, 64))
    expect(held.statusCode).toBe(429)
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0)
    expect(fieldOf(held.body).error).toContain('10 times this hour')
    expect(await avatarVersion(id)).toBe(5)
    // Someone else is not held by it.
    const { agent: other } = await signedIn(app, t.db, 'avatar_calm')
    expect((await upload(other, png(64, 64))).statusCode).toBe(303)
  })

  it('deletes the image with the account', async () => {
    const { agent, id } = await signedIn(app, t.db, 'avatar_leaver')
    expect((await upload(agent, png(64, 64))).statusCode).toBe(303)
    await agent.get('/settings/account')
    const res = await agent.post('/settings/account/delete', {
      password: TEST_PASSWORD,
      confirm: 'avatar_leaver',
    })
    expect(res.statusCode).toBe(303)
    expect(
      await t.db.selectFrom('avatars').select('user_id').where('user_id', '=', id).execute(),
    ).toEqual([])
    expect(await avatarVersion(id)).toBeNull()
    expect((await app.inject({ method: 'GET', url: `/avatars/u/${id}/1` })).statusCode).toBe(404)
  })
})
