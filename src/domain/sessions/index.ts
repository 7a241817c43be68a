export {
  createSession,
  findSessionViewer,
  deleteSession,
  deleteUserSessions,
  SESSION_TTL_MS,
} from './sessions.queries.js'
