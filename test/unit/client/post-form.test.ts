// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import {
  csrfTokenOf,
  formBody,
  jsonPostHeaders,
  postForm,
} from '../../../src/client/lib/post-form.js'
import { fakeDeps, jsonResponse, loadPage } from './helpers.js'

const FORM = `
  <form id="f" method="post" action="/posts/5/boost">
    <input type="hidden" name="_csrf" value="tok-1">
    <textarea name="body">a &amp; b</textarea>
    <input type="file" name="attachments">
    <button type="submit">Boost</button>
  </form>
  <form id="g" method="post" action="/logout"><input type="hidden" name="_csrf" value="page-tok"></form>`

const form = () => document.getElementById('f') as HTMLFormElement

describe('posting a form with fetch', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('reads the CSRF token from the form, else from the page', () => {
    loadPage(FORM)
    expect(csrfTokenOf(form())).toBe('tok-1')
    const bare = document.createElement('form')
    expect(csrfTokenOf(bare)).toBe('tok-1')
    document.body.innerHTML = ''
    expect(csrfTokenOf(bare)).toBeNull()
  })

  it('encodes the fields as a plain submission would, leaving files out', () => {
    loadPage(FORM)
    expect(formBody(form()).toString()).toBe('_csrf=tok-1&body=a+%26+b')
  })

  it('asks for JSON and sends the token in x-csrf-token', () => {
    expect(jsonPostHeaders('t')).toMatchObject({ Accept: 'application/json', 'x-csrf-token': 't' })
    expect(jsonPostHeaders(null)).not.toHaveProperty('x-csrf-token')
  })

  it('POSTs to the form action with those headers and an urlencoded body', async () => {
    loadPage(FORM)
    const deps = fakeDeps(async () => jsonResponse({ ok: 1 }))
    expect(await postForm(form(), deps)).toEqual({ kind: 'ok', json: { ok: 1 } })
    const [url, init] = deps.fetch.mock.calls[0]!
    expect(new URL(url).pathname).toBe('/posts/5/boost')
    expect(init.method).toBe('POST')
    expect(init.headers).toMatchObject({ Accept: 'application/json', 'x-csrf-token': 'tok-1' })
    expect(String(init.body)).toBe('_csrf=tok-1&body=a+%26+b')
  })

  it('reports refusals and network failures as failed, and non-JSON success as unreadable', async () => {
    loadPage(FORM)
    expect(
      await postForm(
        form(),
        fakeDeps(async () => jsonResponse({}, 403)),
      ),
    ).toEqual({
      kind: 'failed',
    })
    expect(
      await postForm(
        form(),
        fakeDeps(async () => {
          throw new TypeError('offline')
        }),
      ),
    ).toEqual({ kind: 'failed' })
    expect(
      await postForm(
        form(),
        fakeDeps(async () => new Response('<html>')),
      ),
    ).toEqual({
      kind: 'unreadable',
    })
  })
})
