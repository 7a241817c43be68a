/**
 * A QR code drawn as inline SVG markup from the `qrcode` package's module matrix: no image request, no
 * outside service, no data: URL, nothing the CSP has to allow. Dark modules on white with the standard
 * four-module quiet zone, whatever the page's colour scheme, so every scanner reads it.
 */
import QRCode from 'qrcode'

export function QrCode({ text, label }: { text: string; label: string }) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const quiet = 4
  const size = modules.size + quiet * 2
  let d = ''
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++)
      if (modules.get(row, col)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`
  return (
    <svg
      class="qr-code"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${size} ${size}`}
      width={size * 5}
      height={size * 5}
      role="img"
      aria-label={label}
      shape-rendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  )
}
