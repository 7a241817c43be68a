/**
 * Drafts: the question or reply a person is writing, saved on the server as they type, restored into
 * the form on their next visit (any device), discarded when the post is made or on request, erased with
 * the account. Above posts (the thread facts, the reply policy and the post limits).
 */
export { discardDraft, draftSaveLimiter, getDraft, saveDraft } from './drafts.actions.js'
export { eraseDrafts } from './drafts.queries.js'
export * from './drafts.types.js'
