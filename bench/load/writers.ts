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

async function signUp(base: string, username: string, address: string): Promise<Writer> {
  const jar = new Jar()
  const headers = () => ({ cookie: jar.header, 'x-forwarded-for': address })
  const form = await fetch(`${base}/register`, { headers: headers() })
  jar.keep(form)
  const csrf = tokenOf(await form.text())
  const res = await fetch(`${base}/register`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: csrf,
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
  const writers: Writer[] = []
  for (let i = 0; i < count; i++) {
    writers.push(
      await signUp(base, `bench_${runId}_${i}`, `10.99.${Math.floor(i / 250)}.${(i % 250) + 1}`),
    )
  }
  await Promise.all(
    writers.map((w) => run(databaseUrl, ['user', 'set-role', w.username, 'moderator'])),
  )
  return writers
}
