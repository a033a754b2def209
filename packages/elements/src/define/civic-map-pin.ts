import { defineElement } from '@civic-kit/core';
import { CivicMapPin } from '../map-pin/map-pin.js';

defineElement('civic-map-pin', CivicMapPin);

declare global {
  interface HTMLElementTagNameMap {
    'civic-map-pin': CivicMapPin;
  }
}
