/**
 * Signed-in writers for the write mix: accounts made through the real sign-up form (each from its own
 * address, as the registration limit is per address), made moderators with `quorum user set-role` so
 * the per-person posting limit does not turn the mix into 429s, and a CSRF token read from a page, the
 * way a browser gets one.
 */
import { run } from './database.js'

export interface Writer {
  username: string
  cookie: string
  csrf: string
}

const PASSWORD = 'bench-kernel-panic-vnode-recycle-7'
/** A little more than the sign-up form's least time to fill (site setting signUpMinSeconds, 3 s). */
const SIGN_UP_WAIT_MS = 3_500

class Jar {
  readonly cookies = new Map<string, string>()
  keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const eq = pair?.indexOf('=') ?? -1
      if (!pair || eq < 0) continue
      const value = pair.slice(eq + 1)
      if (value === '') this.cookies.delete(pair.slice(0, eq))
      else this.cookies.set(pair.slice(0, eq), value)
    }
  }
  get header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
}

function tokenOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
  if (!token) throw new Error('no CSRF token on the page')
  return token
}

/**
 * The sign-up form as a browser gets it: its cookies, its form token and the signed time it was shown
 * (`started`: faster submissions than the site's signUpMinSeconds, 3 s by default, are refused).
 */
async function openSignUp(base: string, address: string) {
  const jar = new Jar()
  const form = await fetch(`${base}/register`, { headers: { 'x-forwarded-for': address } })
  jar.keep(form)
  const html = await form.text()
  const started = /name="started" value="([^"]*)"/.exec(html)?.[1] ?? ''
  return { jar, address, csrf: tokenOf(html), started }
}

async function signUp(
  base: string,
  username: string,
  opened: Awaited<ReturnType<typeof openSignUp>>,
): Promise<Writer> {
  const { jar, address } = opened
  const headers = () => ({ cookie: jar.header, 'x-forwarded-for': address })
  const res = await fetch(`${base}/register`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: opened.csrf,
      started: opened.started,
      username,
      email: `${username}@bench.example`,
      password: PASSWORD,
    }).toString(),
  })
  jar.keep(res)
  if (res.status !== 303) throw new Error(`sign-up of ${username} answered ${res.status}`)
  // Sign-up signs no one in (its answer must not differ for an address that has an account).
  const login = await fetch(`${base}/login`, { headers: headers() })
  jar.keep(login)
  const signedIn = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: tokenOf(await login.text()),
      login: username,
      password: PASSWORD,
    }).toString(),
  })
  jar.keep(signedIn)
  if (signedIn.status !== 303) throw new Error(`sign-in of ${username} answered ${signedIn.status}`)
  const page = await fetch(`${base}/`, { headers: headers() })
  jar.keep(page)
  return { username, cookie: jar.header, csrf: tokenOf(await page.text()) }
}

/** Creates `count` writers (names carry a run id, so runs on a cached database never collide). */
export async function createWriters(
  base: string,
  databaseUrl: string,
  count: number,
): Promise<Writer[]> {
  const runId = Date.now().toString(36).slice(-5)
  const forms = []
  for (let i = 0; i < count; i++)
    forms.push(await openSignUp(base, `10.99.${Math.floor(i / 250)}.${(i % 250) + 1}`))
  // Every form waits out the least time to fill one once, together (the default setting: 3 s).
  await new Promise((resolve) => setTimeout(resolve, SIGN_UP_WAIT_MS))
  const writers: Writer[] = []
  for (const [i, form] of forms.entries())
    writers.push(await signUp(base, `bench_${runId}_${i}`, form))
  await Promise.all(
    writers.map((w) => run(databaseUrl, ['user', 'set-role', w.username, 'moderator'])),
  )
  return writers
}
