export { attachmentUrl, findAttachment, insertAttachment } from './attachments.queries.js'
export {
  describeAttachment,
  contentDisposition,
  cleanFileName,
  type AttachmentFacts,
} from './attachments.content.js'
