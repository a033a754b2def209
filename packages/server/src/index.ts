/** @civic-kit/server: the reference backend of the REST adapter. */
export { createApp, openapiDocument, parseInitiativeQuery, toProblem, VERSION } from './app.js';
export { ADMIN_ROLES, createAdminToken, revokeAdminToken, type Actor, type AdminRole } from './admin/tokens.js';
export { DEFAULT_SETTINGS, getSettings, putSettings, type SiteSettings } from './admin/data.js';
export { identify, signVoterToken, verifyVoterToken, type SiteConfig, type Voter } from './auth.js';
export { configFromEnv, defaultConfig, DEFAULT_SQLITE_PATH, type ServerConfig } from './config.js';
export { isUniqueViolation, openDatabase, type Db, type Queryable } from './db/db.js';
export { migrate } from './db/migrate.js';
export { LiveEvents } from './events.js';
export { HttpProblem, problemType, PROBLEM_TITLES, type ProblemBody } from './problems.js';
export { RateLimiter } from './rate-limit.js';
export { SharedRateLimiter } from './shared-rate-limit.js';
export { openConfiguredDatabase, startServer, type RunningServer } from './server.js';
export {
  clear,
  confirmSignup,
  deletePerson,
  exportSignups,
  isEmpty,
  pruneUnconfirmedSignups,
  refreshSeeded,
  seed,
  type DeletedCounts,
  type SeedData,
  type SeedOptions,
} from './store.js';
