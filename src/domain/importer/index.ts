export {
  importThreads,
  importJsonLines,
  type ImportProgress,
  type ImportOptions,
} from './import.batch.js'
export { validateImportThread, ImportThreadSchema, type ImportThread } from './import.schema.js'
export {
  importThread,
  importThreadBatch,
  createImportContext,
  finishImport,
  type ImportContext,
} from './import.actions.js'
