/** Why a post is hidden from readers: flagged by the community, waiting for approval, a repeated body, or by staff. */
export type HiddenReason = 'flagged' | 'approval' | 'duplicate' | 'staff'

/** Why a post is in the review queue. */
export type ReviewKind = 'flagged' | 'approval' | 'duplicate'
