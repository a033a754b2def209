/**
 * Every element of the harness in every state (test/hardening/registry.ts), rendered from the
 * workspace sources: reaches its state, throws nothing into the page, and passes axe with the WCAG 2.2
 * tags (`wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa, best-practice`). Exceptions are listed per state
 * in the harness with their reason; there are none today.
 */
import { expect } from '@open-wc/testing';
import { expectAccessible } from '../helpers/axe.js';
import { label, mount } from './mount.js';
import { HARNESSES } from './registry.js';
import { shadowTextNodes } from './dom.js';
import { allStates, context, criterion, pendingElements, uncaughtErrors } from './suite.js';

describe('every element in every state', function () {
  this.timeout(15_000);
  const errors = uncaughtErrors();
  let section: HTMLElement | undefined;
  beforeEach(() => (errors.length = 0));
  afterEach(() => section?.remove());

  it('covers every element the page defines', () => {
    expect(HARNESSES.length - pendingElements().length, 'elements with states').to.be.at.least(2);
    if (pendingElements().length) console.warn(`Harness entries not defined yet: ${pendingElements().join(', ')}`);
  });

  for (const { harness, state } of allStates()) {
    it(`${label(harness, state)}: renders with 0 axe violations`, async function () {
      section = document.createElement('section');
      section.setAttribute('aria-label', state.name);
      document.body.append(section);
      const m = await mount(harness, state, context(), section);
      await criterion(this, state, 'axe', () => expectAccessible(m.root, state.axeExceptions));
      expect(errors, 'uncaught errors in the page').to.deep.equal([]);
    });

    it(`${label(harness, state)}: shows words, not string keys`, async function () {
      section = document.createElement('section');
      document.body.append(section);
      const m = await mount(harness, state, context(), section);
      // A missing translation shows its key ("pollVote"): camelCase never appears in the UI's words.
      const keys = shadowTextNodes(m.el).flatMap((t) => t.match(/\b[a-z]{2,}[A-Z][A-Za-z]+\b/g) ?? []);
      await criterion(this, state, 'words', () => expect(keys).to.deep.equal([]));
    });
  }
});
