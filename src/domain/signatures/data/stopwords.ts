/**
 * Words that say nothing about what a thread is about: English function words (PostgreSQL's `english` stop
 * list) and the forum's own filler ("thanks", "issue", "anyone"). Dropped before similar threads are ranked.
 * To extend: add lower-case words.
 */
export const SIMILARITY_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers ' +
    'herself it its itself they them their theirs themselves what which who whom this that these those am is are ' +
    'was were be been being have has had having do does did doing a an the and but if or because as until while ' +
    'of at by for with about against between into through during before after above below to from up down in out ' +
    'on off over under again further then once here there when where why how all any both each few more most ' +
    'other some such no nor not only own same so than too very s t can will just don should now ' +
    // Contractions and everyday verbs, split at the apostrophe or not.
    "ve ll re d m isn aren wasn weren hasn haven hadn doesn didn won wouldn shouldn couldn can't don't doesn't " +
    'also get gets got getting use used using uses make makes made see seen seems seem like still even though ' +
    'would could might must may shall one two three first second new way thing things something anything nothing ' +
    'every everything always never sometimes really actually just quite much many lot lots bit well yes ok okay ' +
    'know think want need needs needed try tried trying work works worked working look looks looking find found ' +
    'said says say tell told let go goes going went come comes came take takes took give gives gave put ' +
    'thanks thank hi hello hey please help anyone someone anybody idea ideas question questions issue issues ' +
    'problem problems post posted reply edit update updated question answer answers appreciate advance regards ' +
    'cheers guys folks else able via etc per since around back out which within without whether either neither'
  ).split(/\s+/),
)
