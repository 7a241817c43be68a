import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { STATUS } from '../../../src/http/failure.js'

describe('docs/errors.md', () => {
  it('documents every failure code with its status', () => {
    const doc = fs.readFileSync(path.resolve('docs/errors.md'), 'utf8')
    for (const [code, status] of Object.entries(STATUS))
      expect(doc).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${status}\\s*\\|`))
  })
})
