/** Where an installed package lives and its version, for packages whose exports hide package.json. */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

/** The directory of an installed package: the nearest package.json above its entry point. */
export function packageDir(name: string): string {
  let dir = path.dirname(require.resolve(name))
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`no package.json above the entry point of ${name}`)
    dir = parent
  }
  return dir
}

export function packageVersion(name: string): string {
  const json = JSON.parse(fs.readFileSync(path.join(packageDir(name), 'package.json'), 'utf8')) as {
    version: string
  }
  return json.version
}
