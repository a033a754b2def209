/**
 * How long an element that needs a data source waits for one (a `<civic-provider>` defined later
 * still takes over) before it says that there is none yet.
 */
export const SOURCE_WAIT_MS = 3000;
