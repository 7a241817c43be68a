/** A draft as pages and islands see it. */
export interface Draft {
  /** The thread the reply is for; null for the question being asked on /ask. */
  threadId: number | null
  /** The question's title and tags ('' for a reply). */
  title: string
  body: string
  tags: string
  /** Epoch ms of the last save. */
  updatedAt: number
}

/** What the composer sends as the person types. */
export interface DraftInput {
  threadId: number | null
  title: string
  body: string
  tags: string
}
