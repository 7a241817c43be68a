/**
 * The ceiling: a bare node:http server that answers every request with one recorded response, the
 * exact status, headers and bytes Quorum sent for a scenario's URL. Whatever it reaches on this machine
 * with this load generator is the most any Node server could do for that response.
 * Usage: node bench/load/ceiling.ts PORT RESPONSE.json
 */
import fs from 'node:fs'
import http from 'node:http'

export interface RecordedResponse {
  status: number
  headers: Record<string, string | string[]>
  /** base64 */
  body: string
}

const [port, file] = process.argv.slice(2)
if (port !== undefined && file !== undefined) {
  const recorded = JSON.parse(fs.readFileSync(file, 'utf8')) as RecordedResponse
  const body = Buffer.from(recorded.body, 'base64')
  const headers: Record<string, string | string[]> = {
    ...recorded.headers,
    'content-length': String(body.byteLength),
  }
  delete headers['transfer-encoding']
  delete headers.date
  delete headers.connection
  delete headers['keep-alive']
  http
    .createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        res.writeHead(recorded.status, headers)
        res.end(body)
      })
    })
    .listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'))
}
