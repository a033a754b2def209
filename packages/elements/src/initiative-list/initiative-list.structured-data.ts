/** The list's opt-in structured data (`structured-data`): what it shows, as search engines read it. */
import { initiativeEvent, type Initiative } from '@civic-kit/core';

/** Initiatives as one schema.org `ItemList` of `Event`s (with `Place` and `Organization`), in the order shown. */
export function initiativeListJsonLd(items: readonly Initiative[], name?: string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    ...(name ? { name } : {}),
    numberOfItems: items.length,
    itemListElement: items.map((i, index) => ({ '@type': 'ListItem', position: index + 1, item: initiativeEvent(i) })),
  };
}
