import {
  CivicError,
  MemoryAdapter,
  type CivicAdapter,
  type CivicErrorCode,
  type ConsentText,
  type Matches,
  type MemoryAdapterOptions,
  type SignupInput,
  type WriteOptions,
} from '@civic-kit/core';
import { DEMO_WRITTEN, demoData } from '@civic-kit/core/demo';

type Method =
  'getInitiative' | 'listInitiatives' | 'supportInitiative' | 'getPoll' | 'vote' | 'findOthers' | 'findPlaces';

/**
 * The demo memory adapter with failures on request: `failNext('supportInitiative', 'network')`, or
 * `hold('supportInitiative')` to keep a call pending until `release()`. Calls are counted.
 */
export class ScriptedAdapter extends MemoryAdapter {
  readonly calls: Record<string, unknown[][]> = {};
  private failures: { method: Method; code: CivicErrorCode }[] = [];
  private held: { method: Method; gate: Promise<void>; arrived: () => void } | undefined;

  /**
   * With a fixed clock (`now`) the demo's dates stay as written, so a test can name them; with the
   * real clock they move with the day, as on the demo page.
   */
  static demo(options: Omit<MemoryAdapterOptions, 'data'> = {}): ScriptedAdapter {
    return new ScriptedAdapter({ ...options, data: demoData(options.now ? new Date(DEMO_WRITTEN) : undefined) });
  }

  failNext(method: Method, code: CivicErrorCode = 'network'): this {
    this.failures.push({ method, code });
    return this;
  }

  /** Keep the next call of `method` waiting until `release()`; `arrived` settles when it comes in. */
  hold(method: Method): { release: () => void; arrived: Promise<void> } {
    let release!: () => void;
    let arrived!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const arrivedP = new Promise<void>((r) => (arrived = r));
    this.held = { method, gate, arrived };
    return { release, arrived: arrivedP };
  }

  private async gate(method: Method, args: unknown[]): Promise<void> {
    (this.calls[method] ??= []).push(args);
    const held = this.held;
    if (held?.method === method) {
      this.held = undefined;
      held.arrived();
      await held.gate;
    }
    const i = this.failures.findIndex((f) => f.method === method);
    if (i >= 0) {
      const [f] = this.failures.splice(i, 1);
      throw new CivicError(f!.code, `Scripted ${f!.code} failure`);
    }
  }

  override async getInitiative(...a: Parameters<MemoryAdapter['getInitiative']>) {
    await this.gate('getInitiative', a);
    return super.getInitiative(...a);
  }
  override async listInitiatives(...a: Parameters<MemoryAdapter['listInitiatives']>) {
    await this.gate('listInitiatives', a);
    return super.listInitiatives(...a);
  }
  override async supportInitiative(...a: Parameters<MemoryAdapter['supportInitiative']>) {
    await this.gate('supportInitiative', a);
    return super.supportInitiative(...a);
  }
  override async getPoll(...a: Parameters<MemoryAdapter['getPoll']>) {
    await this.gate('getPoll', a);
    return super.getPoll(...a);
  }
  override async vote(...a: Parameters<MemoryAdapter['vote']>) {
    await this.gate('vote', a);
    return super.vote(...a);
  }
  override async findOthers(...a: Parameters<MemoryAdapter['findOthers']>) {
    await this.gate('findOthers', a);
    return super.findOthers(...a);
  }
  override async findPlaces(...a: Parameters<MemoryAdapter['findPlaces']>) {
    await this.gate('findPlaces', a);
    return super.findPlaces(...a);
  }
}

/** An adapter whose backend sends whatever `payload` is, unvalidated (a careless community adapter). */
export function careless(payload: unknown): CivicAdapter {
  return {
    capabilities: new Set(['list-initiatives', 'get-initiative', 'get-poll']),
    getInitiative: async () => payload as never,
    listInitiatives: async () => ({ items: [payload] }) as never,
    getPoll: async () => payload as never,
  };
}

/**
 * Make `adapter` serve sign-up forms as the reference server does (a new stamp each time, the shortest
 * fill time, its consent words) and answer each sign-up with the receipt it recorded: its own words for
 * the purposes it words, its own time. Returns the stamps issued, in order.
 */
export function servingSignupForms(
  adapter: MemoryAdapter,
  minFillSeconds: number,
  consents: ConsentText[],
  recordedAt = '2026-12-08T12:00:00.000Z',
): string[] {
  const issued: string[] = [];
  const findOthers = adapter.findOthers.bind(adapter);
  const words = new Map(consents.map((c) => [c.purpose, c]));
  Object.assign(adapter, {
    signupForm: () => {
      issued.push(`stamp-${issued.length + 1}`);
      return Promise.resolve({ stamp: issued.at(-1)!, minFillSeconds, consents });
    },
    findOthers: async (signup: SignupInput, o: WriteOptions): Promise<Matches> => ({
      ...(await findOthers(signup, o)),
      receipt: signup.consent.map((c) => {
        const w = words.get(c.purpose);
        return {
          ...c,
          text: w?.text ?? c.text,
          version: w?.version ?? c.version,
          timestamp: recordedAt,
          organisations: [],
        };
      }),
    }),
  });
  return issued;
}
