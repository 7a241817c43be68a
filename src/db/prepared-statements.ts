/**
 * PostgreSQL: the SQL texts that run as named prepared statements. `compiledOnce` (compiled-query.ts)
 * registers each query it keeps; the pool's clients (connect.ts) send a registered text by name, so
 * PostgreSQL parses and plans it once per connection and then only binds and executes it. Other queries
 * (built per request, with text that varies) go as unnamed statements, parsed and planned every time.
 * SQLite needs none of this: its statement cache (statement-cache.ts) keeps prepared statements by text.
 */

/** Registered texts and their statement names. Bounded by the number of `compiledOnce` shapes (a few dozen). */
const names = new Map<string, string>()

/** Marks `sql` as a text to prepare once per connection. */
export function keepPrepared(sql: string): void {
  if (!names.has(sql)) names.set(sql, `quorum_${names.size + 1}`)
}

/** The statement name of a registered text, or undefined for one to send unnamed. */
export function preparedName(sql: string): string | undefined {
  return names.get(sql)
}
