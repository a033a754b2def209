import { createContext } from '@lit/context';
import type { CivicAdapter } from './adapter.js';

/**
 * The adapter reaches elements only through this context. The key comes from `Symbol.for`, so two
 * copies of Civic Kit on one page (two embeds, two versions) still find each other's provider.
 */
export const adapterContext = createContext<CivicAdapter | undefined>(Symbol.for('civic-kit.adapter'));

/** The voter token the host page hands to `<civic-provider>`, passed with every write. */
export const voterContext = createContext<string | undefined>(Symbol.for('civic-kit.voter'));
