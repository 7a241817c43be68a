/** Builds when dist/ is missing or older than src/; returns whether it built. */
export function ensureBuilt(): boolean
