/**
 * German for the interface the ui lane of issue 26 added: the phones' header menu, list-row avatars
 * and what came with them.
 */
export const UI_LANE = {
  Menu: 'Menü',
} as const satisfies Record<string, string>
