/**
 * The Chromium of the browser suites. TEST_CHROMIUM names a binary (a system Chromium or Chrome, say);
 * otherwise, on Linux x64, the headless Chromium that @sparticuz/chromium ships inside its npm tarball, so
 * the lockfile pins the browser and `npm ci` is all a machine needs. The package keeps it brotli-packed;
 * it is unpacked once per package version into node_modules/.cache/ (about 3 s, 210 MB) and reused.
 * Used by global-setup.ts, which hands the result to the suites (test/e2e/support/browser.ts).
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import tar from 'tar-fs'
import { packageDir, packageVersion } from './packages.js'
import type { ChromiumLaunch } from './test-env.js'

const PACKAGE = '@sparticuz/chromium'
const CACHE_ROOT = fileURLToPath(
  new URL('../../node_modules/.cache/quorum-chromium/', import.meta.url),
)

export interface ResolvedChromium extends ChromiumLaunch {
  /** One line for the run's output. */
  readonly description: string
}

export async function resolveChromium(
  env: NodeJS.ProcessEnv = process.env,
): Promise<ResolvedChromium> {
  const chosen = env.TEST_CHROMIUM
  if (chosen) {
    if (!fs.existsSync(chosen)) throw new Error(`TEST_CHROMIUM=${chosen}: no such file`)
    const launch = { executablePath: chosen, env: {} }
    return { ...launch, description: `${await versionOf(launch)} (TEST_CHROMIUM=${chosen})` }
  }
  if (os.platform() !== 'linux' || os.arch() !== 'x64') {
    throw new Error(
      `${PACKAGE} ships Chromium for Linux x64 only; on ${os.platform()} ${os.arch()} set ` +
        'TEST_CHROMIUM to a Chromium or Chrome binary',
    )
  }
  const version = packageVersion(PACKAGE)
  const dir = await unpack(path.join(packageDir(PACKAGE), 'bin'), path.join(CACHE_ROOT, version))
  const launch = {
    executablePath: path.join(dir, 'chromium'),
    env: {
      // NSS, NSPR and expat come with the package (built for Amazon Linux 2023, glibc 2.34), so the
      // browser needs nothing from the machine but glibc.
      LD_LIBRARY_PATH: [path.join(dir, 'al2023', 'lib'), env.LD_LIBRARY_PATH]
        .filter(Boolean)
        .join(':'),
      // Without a fontconfig of the machine's, the renderer has no font and crashes: use the
      // package's Open Sans then.
      ...(fs.existsSync('/etc/fonts/fonts.conf')
        ? {}
        : { FONTCONFIG_FILE: path.join(dir, 'fonts.conf') }),
    },
  }
  return { ...launch, description: `${await versionOf(launch)} (${PACKAGE} ${version}, ${dir})` }
}

/**
 * Unpacks the package's browser, libraries and fonts into `dir` unless they are there. Runs may race
 * (two terminals, two CI jobs): each unpacks into a directory of its own and renames it into place,
 * so `dir` is complete whenever it exists.
 */
async function unpack(bin: string, dir: string): Promise<string> {
  if (fs.existsSync(dir)) return dir
  await fsp.mkdir(path.dirname(dir), { recursive: true })
  const staging = await fsp.mkdtemp(`${dir}.partial-`)
  try {
    await pipeline(
      fs.createReadStream(path.join(bin, 'chromium.br')),
      zlib.createBrotliDecompress(),
      fs.createWriteStream(path.join(staging, 'chromium'), { mode: 0o755 }),
    )
    await untar(path.join(bin, 'al2023.tar.br'), path.join(staging, 'al2023'))
    await untar(path.join(bin, 'fonts.tar.br'), path.join(staging, 'fonts'))
    await fsp.writeFile(
      path.join(staging, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <dir>${path.join(dir, 'fonts', 'fonts')}</dir>\n` +
        `  <cachedir>${path.join(os.tmpdir(), 'quorum-chromium-fonts')}</cachedir>\n</fontconfig>\n`,
    )
    await fsp.rename(staging, dir)
  } catch (error) {
    await fsp.rm(staging, { recursive: true, force: true })
    // Another run renamed its copy into place first: use that one.
    if (!fs.existsSync(dir)) throw error
  }
  return dir
}

async function untar(file: string, into: string): Promise<void> {
  await pipeline(fs.createReadStream(file), zlib.createBrotliDecompress(), tar.extract(into))
}

/** "Chromium 153.0.8010.0", as the binary says it. */
async function versionOf(launch: ChromiumLaunch): Promise<string> {
  const { stdout } = await promisify(execFile)(launch.executablePath, ['--version'], {
    env: { ...process.env, ...launch.env },
    timeout: 30_000,
  })
  return stdout.trim()
}
