/**
 * The list attributes of the sign-up follow the one list form (core's list-attribute.ts): a JSON
 * array, or items separated by commas. A value that does not parse is said in the console, as a
 * `civic-error` event and on the element, never turned into something else.
 */
import type { CivicErrorEvent } from '@civic-kit/core';
import { expect, fixture, html } from '@open-wc/testing';
import '../define/civic-find-the-others.js';
import type { CivicFindTheOthers } from './find-the-others.js';

describe('<civic-find-the-others> list attributes', () => {
  it('reads interests="food,energy,repair" as three causes', async () => {
    const el = await fixture<CivicFindTheOthers>(
      html`<civic-find-the-others
        interests="food,energy,repair"
        organisations="Our Town Group"
      ></civic-find-the-others>`,
    );
    expect(el.interests?.map((i) => i.id)).to.deep.equal(['food', 'energy', 'repair']);
    expect(el.organisations).to.deep.equal(['Our Town Group']);
    expect(el.hasAttribute('data-civic-problem')).to.equal(false);
  });

  it('reads id: Label pairs, and JSON where a label holds a comma', async () => {
    const el = await fixture<CivicFindTheOthers>(
      html`<civic-find-the-others
        interests='[{"id": "food", "label": "Food, farming"}, "energy: Community energy"]'
        organisations='["Smith, Jones &amp; Co", "Our Town Group"]'
      ></civic-find-the-others>`,
    );
    expect(el.interests).to.deep.equal([
      { id: 'food', label: 'Food, farming' },
      { id: 'energy', label: 'Community energy' },
    ]);
    expect(el.organisations).to.deep.equal(['Smith, Jones & Co', 'Our Town Group']);
  });

  it('reports JSON that does not parse in the console, as an event and on the element', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    const errors: CivicErrorEvent[] = [];
    const onError = (e: Event) => errors.push(e as CivicErrorEvent);
    document.addEventListener('civic-error', onError);
    try {
      const el = await fixture<CivicFindTheOthers>(
        html`<civic-find-the-others organisations='["Our Town Group"'></civic-find-the-others>`,
      );
      expect(el.organisations).to.deep.equal([]);
      expect(warnings.join()).to.contain(
        '<civic-find-the-others> organisations: starts with "[" but is not a JSON array',
      );
      expect(errors.map((e) => e.error.code)).to.deep.equal(['misconfigured']);
      expect(el.getAttribute('data-civic-problem')).to.contain('organisations');
      // Shown on the page, above the element's content.
      expect(getComputedStyle(el, '::before').content).to.contain('not a JSON array');

      el.setAttribute('organisations', 'Our Town Group');
      await el.updateComplete;
      expect(el.hasAttribute('data-civic-problem')).to.equal(false);
    } finally {
      console.warn = warn;
      document.removeEventListener('civic-error', onError);
    }
  });
});
