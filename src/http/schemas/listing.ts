/** Query and path schemas shared by the list pages (tag page, home, profile) and the API. */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { SORT_ORDERS, TAG_SORTS, THREAD_FILTERS } from '../../domain/thread-lists/index.js'

/** A string limited to a fixed set of values; validation errors list the allowed ones. */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: { default?: T[number] } = {},
) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options }) as TSchema & {
    static: T[number]
  }
}

export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
})

export const ListingQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  sortBy: Type.Optional(StringEnum(TAG_SORTS)),
  sortOrder: Type.Optional(StringEnum(SORT_ORDERS)),
  filter: Type.Optional(StringEnum(THREAD_FILTERS)),
})
export type ListingQuery = Static<typeof ListingQuery>

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) })
export type SlugParams = Static<typeof SlugParams>
