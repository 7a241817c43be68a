/**
 * Mail as the domain sees it: what to send to whom, queued as a job in the transaction of the change
 * that causes it. Rendering is views/mail's and sending src/mail's, both in the mail job.
 */
export { enqueueMail } from './mail.actions.js'
export * from './mail.types.js'
