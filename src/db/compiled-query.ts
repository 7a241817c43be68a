/**
 * Queries built and compiled once, then run with each call's values (issue 29). Building a Kysely query
 * (immutable nodes, frozen at every step) and compiling it to SQL took ~13 % of the server's CPU under
 * uncached thread and tag pages, for SQL text that is the same on every request: only the values change.
 *
 * `compiledOnce(build)` calls `build` once per dialect (and per length of each list argument) with
 * stand-ins for the arguments; Kysely puts each stand-in among the compiled query's parameters, where each
 * call's real values replace them. So `build` must use its arguments only as values of the query (in
 * `where`, `limit`, `in` lists), never in JavaScript (`if`, `$if`, string building): that would bake one
 * call's choice into every later call. A stand-in that does not reach the parameters is caught at compile
 * time (an error, not a wrong query).
 */
import { createQueryId, type CompiledQuery, type Compilable, type DialectAdapter } from 'kysely'
import { keepPrepared } from './prepared-statements.js'
import type { Executor } from './schema.js'

/** Lists longer than this are compiled on every call, not kept (one compiled query per length is kept). */
export const MAX_KEPT_LIST_LENGTH = 64

/** Where an argument's value goes: argument `arg`, element `item` of a list argument. */
class StandIn {
  constructor(
    readonly arg: number,
    readonly item: number | null,
  ) {}
}

type Scalar = string | number | bigint | boolean | null
type Arg = Scalar | readonly Scalar[]

/**
 * A function running `build`'s query with the given values: rows as `build`'s query would return them.
 * @example
 * const postsOf = compiledOnce((db, threadId: number) =>
 *   db.selectFrom('posts').select(['id']).where('thread_id', '=', threadId))
 * const rows = await postsOf(db, 42)
 */
export function compiledOnce<A extends Arg[], R>(
  build: (db: Executor, ...args: A) => Compilable<R>,
): (db: Executor, ...args: A) => Promise<R[]> {
  // Per dialect (its adapter object, shared by a database handle, its clones and its transactions).
  const byDialect = new WeakMap<DialectAdapter, Map<string, CompiledQuery<R>>>()
  return async (db, ...args) => {
    const adapter = db.getExecutor().adapter
    let compiled = byDialect.get(adapter)
    if (compiled === undefined) byDialect.set(adapter, (compiled = new Map()))
    const shape = args.map((a) => (Array.isArray(a) ? a.length : '-')).join(',')
    let query = compiled.get(shape)
    if (query === undefined) {
      const standIns = args.map((a, i) =>
        Array.isArray(a) ? a.map((_, j) => new StandIn(i, j)) : new StandIn(i, null),
      ) as unknown as A
      query = build(db, ...standIns).compile()
      const used = query.parameters.filter((p) => p instanceof StandIn).length
      const expected = args.reduce<number>((n, a) => n + (Array.isArray(a) ? a.length : 1), 0)
      if (used !== expected)
        throw new Error(
          `compiledOnce: ${expected - used} argument value(s) did not become query parameters: ${query.sql}`,
        )
      if (args.every((a) => !Array.isArray(a) || a.length <= MAX_KEPT_LIST_LENGTH)) {
        compiled.set(shape, query)
        keepPrepared(query.sql)
      }
    }
    const parameters = query.parameters.map((p) => {
      if (!(p instanceof StandIn)) return p
      const arg = args[p.arg]
      return p.item === null ? arg : (arg as readonly Scalar[])[p.item]
    })
    // A query id of its own per run, as a freshly compiled query has (plugins key their state by it).
    const result = await db.executeQuery<R>({ ...query, queryId: createQueryId(), parameters })
    return result.rows
  }
}
