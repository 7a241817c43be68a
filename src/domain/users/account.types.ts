/** The account export (/settings/account): what a person downloads as JSON. Times are ISO 8601. */
export interface AccountExport {
  /** Names the shape, so a later change can be told apart. */
  format: 'quorum-account-export/1'
  exportedAt: string
  profile: {
    id: number
    username: string
    email: string | null
    role: string
    title: string | null
    createdAt: string
  }
  /** Every question, reply and comment the person wrote, with its Markdown source. */
  posts: {
    id: number
    threadId: number
    threadTitle: string
    kind: string
    parentId: number | null
    markdown: string
    createdAt: string
    editedAt: string | null
    deletedAt: string | null
  }[]
  /** Every revision the person made (of their posts, or of others' as staff). */
  revisions: {
    postId: number
    number: number
    title: string | null
    markdown: string
    createdAt: string
  }[]
  boosts: { postId: number; threadId: number; createdAt: string }[]
  /** Unposted drafts (docs/composer.md): `threadId` null is the question being written on /ask. */
  drafts: {
    threadId: number | null
    title: string
    body: string
    tags: string
    updatedAt: string
  }[]
  /** Active sessions as the sessions page lists them; never a token or its hash. */
  sessions: {
    device: string
    userAgent: string | null
    ip: string | null
    createdAt: string
    lastSeenAt: string
    current: boolean
  }[]
}
