import { CivicElement } from '@civic-kit/core';
import { css, nothing, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';

/**
 * One pin of the `<civic-map>` it sits in. It shows nothing itself: the map reads its attributes and
 * redraws when pins are added, removed or changed.
 *
 * ```html
 * <civic-map>
 *   <civic-map-pin lat="51.4627" lng="-2.5626" label="Repair café" initiative-id="repair-cafe"></civic-map-pin>
 * </civic-map>
 * ```
 *
 * A pin with bad coordinates (not numbers, out of range, obviously swapped) is left off the map and
 * reported once in the console; the map still renders.
 *
 * @tagname civic-map-pin
 * @summary A pin on a `<civic-map>`.
 */
export class CivicMapPin extends CivicElement {
  static override styles: CSSResultGroup = css`
    :host {
      display: none !important;
    }
  `;

  /** Latitude in degrees (−90 to 90). */
  @property({ type: Number, reflect: true })
  lat: number | undefined;

  /** Longitude in degrees (−180 to 180). */
  @property({ type: Number, reflect: true })
  lng: number | undefined;

  /** What the pin is called: its accessible name, and the popup's heading when it has no initiative. */
  @property({ type: String, reflect: true })
  label: string | undefined;

  /** The initiative the pin stands for; its popup shows that initiative's card, loaded through the adapter. */
  @property({ type: String, attribute: 'initiative-id', reflect: true })
  initiativeId: string | undefined;

  override render(): typeof nothing {
    return nothing;
  }
}
