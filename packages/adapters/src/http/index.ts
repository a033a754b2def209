/**
 * The HTTP plumbing every adapter shares: the `aborted` error and waits a signal cuts short, backoff
 * with jitter, a deadline for one request that joins the caller's signal to a timeout, a GET of JSON
 * built on it, and endpoint URLs. An adapter keeps only what is its own: headers, status codes, bodies,
 * when to retry. One module per part, so an adapter's chunk carries only the parts it uses.
 */
export { aborted, sleep, throwIfAborted, untilAborted } from './abort.js';
export { backoff, type BackoffOptions } from './backoff.js';
export { Deadline } from './deadline.js';
export { endpointUrl, hostOf } from './endpoint.js';
export { fetchJson, type FetchJsonOptions } from './fetch-json.js';
