export {
  attachmentUrl,
  findAttachment,
  insertAttachment,
  type StoredAttachment,
} from './attachments.queries.js'
export {
  describeAttachment,
  contentDisposition,
  cleanFileName,
  type AttachmentFacts,
} from './attachments.content.js'
