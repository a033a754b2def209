/**
 * Every element, registered: English built in, every other shipped language loaded when a `lang` asks
 * for it (the CDN bundle). The package's main entry (`index.ts`) adds every language at once.
 */
import './define/civic-provider.js';
import './define/civic-initiative-card.js';
import './define/civic-poll.js';
import './define/civic-find-the-others.js';
import './define/civic-initiative-list.js';
import './define/civic-map.js';

export { CivicProvider, PROVIDER_THEMES, type ProviderTheme } from './provider/provider.js';
export { CivicInitiativeCard } from './initiative-card/initiative-card.js';
export { CivicPoll, POLL_HEADING_LEVELS, type PollHeadingLevel } from './poll/poll.js';
export {
  CivicFindTheOthers,
  PLACE_INPUTS,
  RADIUS_CHOICES_KM,
  type PlaceInput,
  type ConsentPurpose,
} from './find-the-others/find-the-others.js';
export { CivicInitiativeList, LIST_SORTS, LIST_RADIUS_CHOICES_KM } from './initiative-list/initiative-list.js';
export { VIRTUALIZE_ABOVE } from './initiative-list/initiative-list.data.js';
export { CivicMap, MAP_VIEWS, type MapViewMode, type MapPin } from './map/map.js';
export { CivicMapPin } from './map-pin/map-pin.js';
export { THEME_TOKENS, type ThemeToken } from './themes/token-docs.js';
export { TOKEN_DEFAULTS, tokenStyles, type ThemeTokenName } from './themes/tokens.js';
export type { CivicTranslation } from './translations/translation.js';
export * from '@civic-kit/core';
