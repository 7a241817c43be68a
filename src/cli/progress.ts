/** A one-line progress bar on stderr: count, rate and time left. Plain lines when not a terminal. */
export interface ProgressBar {
  update(done: number): void
  finish(): void
}

export function progressBar(
  label: string,
  total: number | null,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressBar {
  const started = Date.now()
  let lastDraw = 0
  let lastDone = 0
  const draw = (done: number, final: boolean) => {
    lastDone = done
    const now = Date.now()
    // Terminals redraw five times a second; logs get a line every five seconds.
    if (!final && now - lastDraw < (stream.isTTY ? 200 : 5000)) return
    lastDraw = now
    const seconds = Math.max((now - started) / 1000, 0.001)
    const rate = done / seconds
    const parts = [
      `${label}: ${done.toLocaleString('en-US')}${total !== null ? ` / ${total.toLocaleString('en-US')}` : ''}`,
      `${Math.round(rate).toLocaleString('en-US')}/s`,
    ]
    if (total !== null && total > 0) {
      const width = 24
      const filled = Math.min(width, Math.round((done / total) * width))
      parts.unshift(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`)
    }
    if (final) parts.push(`${seconds.toFixed(1)}s`)
    else if (total !== null && rate > 0)
      parts.push(`${Math.max(0, (total - done) / rate).toFixed(0)}s left`)
    const line = parts.join('  ')
    stream.write(stream.isTTY ? `\r${line}\x1b[K${final ? '\n' : ''}` : `${line}\n`)
  }
  return { update: (done) => draw(done, false), finish: () => draw(lastDone, true) }
}
