/**
 * What the request log writes for a URL: the path and query as sent, except the value of `token`,
 * which in a mailed link (a password reset, a confirmation) is a secret that works until it is used
 * (SECURITY.md row 35: no secrets in logs).
 * @example redactUrl('/password/reset?token=abc&x=1') // '/password/reset?token=[redacted]&x=1'
 */
export function redactUrl(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]')
}
