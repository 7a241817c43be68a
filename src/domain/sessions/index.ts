export {
  createSession,
  findSessionViewer,
  deleteSession,
  deleteUserSessions,
  deleteExpiredSessions,
  hashToken,
  SESSION_TTL_MS,
  type SessionViewer,
} from './sessions.queries.js'
