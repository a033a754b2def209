/**
 * The clustering worker of `<civic-map>` (started by map.cluster.ts above a few thousand points).
 * It holds the supercluster index and answers the page's requests.
 */
import { answer, type Index, type WorkerRequest } from './map.cluster.js';

const state: { index?: Index | undefined } = {};

addEventListener('message', (e: MessageEvent<WorkerRequest>) => {
  const response = answer(state, e.data);
  postMessage(response);
});
