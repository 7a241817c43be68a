/** A tag as it appears on a thread or in a link. */
export interface TagRef {
  slug: string
  name: string
}

/** A tag with what the tag page header and the directory show. */
export interface TagSummary extends TagRef {
  id: number
  description: string
  threadCount: number
}
