export { importThreads, importJsonLines } from './import.batch.js'
export { validateImportThread, type ImportThread } from './import.schema.js'
export { importThread, createImportContext, finishImport } from './import.actions.js'
