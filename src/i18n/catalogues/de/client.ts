/**
 * German for the islands (src/client): sent to the browser in the page (views/layout/layout.tsx), so it
 * holds only what the islands say. Plain `{name}` placeholders only (src/client/lib/i18n.ts).
 */
export const CLIENT = {} as const satisfies Record<string, string>
