/**
 * The card's schema.org data block, in a chunk of its own: loaded only by a page that sets
 * `structured-data` on a card (most cards never need it).
 */
import { initiativeJsonLd, writeDataBlock, type Initiative } from '@civic-kit/core';

/** Write (or, with `undefined`, remove) the card's JSON-LD block in its light DOM. */
export function writeCardData(host: Element, initiative: Initiative | undefined): void {
  writeDataBlock(host, initiative ? initiativeJsonLd(initiative) : undefined);
}
