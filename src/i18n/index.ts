/** Interface languages: picking one for a request, and translating messages (docs/i18n.md). */
export { msg } from '../domain/shared/index.js'
export {
  LOCALES,
  LOCALE_NAMES,
  LOCALE_COOKIE,
  DEFAULT_LOCALE,
  isLocale,
  negotiateLocale,
  type Locale,
} from './locales.js'
export {
  t,
  tx,
  translate,
  translateMessage,
  tm,
  withLocale,
  currentLocale,
  catalogueOf,
  clientCatalogueOf,
} from './translate.js'
export { age, ageIn, ageLabel, date, count, number } from './format.js'
