export * from './model.js';
export * from './poll-model.js';
export * from './signup-model.js';
export * from './errors.js';
export * from './adapter.js';
export * from './validate.js';
export * from './context.js';
export * from './events.js';
export * from './map-events.js';
export * from './signup-events.js';
export * from './vote-events.js';
export * from './instant-runoff.js';
export * from './define.js';
export * from './registry.js';
export * from './geo.js';
export * from './places.js';
export { ballotProblem, pollStatusAt, resultsVisible } from './poll-rules.js';
export { signupTrapped } from './signup-rules.js';
export { locate, lookUpPlaces, LOCATE_TIMEOUT_MS, PLACE_LOOKUP_SECONDS } from './locate.js';
export * from './safe-url.js';
export * from './tags.js';
export { CivicElement, CivicDataElement } from './civic-element.js';
export { ensureContextRoot } from './context-root.js';
export {
  LocalizeController,
  registerTranslation,
  registeredLanguages,
  registerTranslationLoader,
  translationLoaded,
  translationsReady,
  type StringOverrides,
  type Translation,
} from './controllers/localize.js';
export {
  MemoryAdapter,
  type MemoryAdapterOptions,
  type MemoryData,
  type MemoryPerson,
} from './memory/memory-adapter.js';
export {
  Outbox,
  isOffline,
  voterHash,
  withDeadline,
  SEND_TIMEOUT_SECONDS,
  type OutboxEntry,
  type OutboxFilter,
} from './outbox.js';
export {
  WriteController,
  WRITE_PHASES,
  retryDelay,
  writeRetry,
  type Write,
  type WriteEnd,
  type WriteControllerOptions,
  type WritePhase,
} from './controllers/write.js';
export { initiativeEvent, initiativeJsonLd, writeDataBlock } from './structured-data.js';
export * from './list-attribute.js';
