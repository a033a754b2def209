/**
 * Adapters for the harness, built from `ctx.kit` so they work with the sources and with the CDN bundle:
 * the memory adapter with calls held or failed on request, and a careless adapter that hands on
 * whatever it is given.
 */
import type { Capability, CivicAdapter, CivicErrorCode, MemoryData } from '@civic-kit/core';
import type { StateContext } from './types.js';

export type Method =
  'getInitiative' | 'listInitiatives' | 'supportInitiative' | 'getPoll' | 'vote' | 'findOthers' | 'listInterests';

export interface Script {
  /** Calls of these methods wait until `release()` (never, for a state that shows loading). */
  hold?: Method[];
  /** The next call of each method fails with this code. */
  fail?: Partial<Record<Method, CivicErrorCode>>;
  /** Every call of each method fails with this code (a queued write stays queued while it is retried). */
  failAlways?: Partial<Record<Method, CivicErrorCode>>;
  /** Capabilities the backend lacks. */
  without?: Capability[];
}

export interface Scripted {
  adapter: CivicAdapter;
  release(): void;
  calls: Partial<Record<Method, number>>;
}

const METHODS: Method[] = [
  'getInitiative',
  'listInitiatives',
  'supportInitiative',
  'getPoll',
  'vote',
  'findOthers',
  'listInterests',
];

export function scripted(ctx: StateContext, data: MemoryData, script: Script = {}): Scripted {
  const base = new ctx.kit.MemoryAdapter({ data, without: script.without ?? [] });
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const fail = { ...script.fail };
  const calls: Partial<Record<Method, number>> = {};
  const adapter: Record<string, unknown> = {
    capabilities: base.capabilities,
    subscribe: base.subscribe.bind(base),
  };
  for (const method of METHODS) {
    const original = (base[method] as (...a: unknown[]) => Promise<unknown>).bind(base);
    adapter[method] = async (...args: unknown[]) => {
      calls[method] = (calls[method] ?? 0) + 1;
      if (script.hold?.includes(method)) await gate;
      const always = script.failAlways?.[method];
      if (always) throw new ctx.kit.CivicError(always, `Scripted ${always} failure`);
      const code = fail[method];
      if (code) {
        delete fail[method];
        throw new ctx.kit.CivicError(code, `Scripted ${code} failure`);
      }
      return original(...args);
    };
  }
  return { adapter: adapter as unknown as CivicAdapter, release, calls };
}

/** A community adapter that validates nothing: every read returns `payload` as it is. */
export function careless(payload: unknown): CivicAdapter {
  return {
    capabilities: new Set<Capability>(['list-initiatives', 'get-initiative', 'get-poll', 'list-interests']),
    getInitiative: async () => payload as never,
    listInitiatives: async () => ({ items: [payload] }) as never,
    getPoll: async () => payload as never,
    listInterests: async () => [payload] as never,
  };
}
