/**
 * Site settings: the values staff edit at /admin/settings (site name and description, registration,
 * the moderation limits), their defaults and bounds, and a per-process store that pages read.
 */
export { defaultSettings, loadSiteSettings } from './site-settings.actions.js'
export { SiteSettingsStore } from './site-settings.store.js'
export * from './site-settings.types.js'
