/** Reads a text file line by line, for commands that stream large inputs (`quorum import`). */
import fs from 'node:fs'
import readline from 'node:readline'

/**
 * The lines of `file`, read only when iteration starts. A readline interface made up front starts
 * reading at once and drops the lines (and the end) it emits before a `for await` attaches, so a
 * consumer that awaits anything first (a database query) would wait forever; this generator opens the
 * file at its first `next()`, with the iterator attached in the same tick.
 * @example for await (const line of fileLines('threads.jsonl')) console.log(line)
 */
export async function* fileLines(file: string): AsyncGenerator<string> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })
  try {
    for await (const line of lines) yield line
  } finally {
    lines.close()
  }
}
