/**
 * Languages other than English load when a `lang` asks for them: this page imports the element entries
 * alone (as the CDN bundle and the per-element builds do), never `all.ts`. An element in German renders
 * in German from its first frame, only German is fetched, and a language that fails to load leaves the
 * element in English with a message in the console, never an exception in the page.
 */
import { MemoryAdapter, registeredLanguages, registerTranslationLoader, translationsReady } from '@civic-kit/core';
import { expect, waitUntil } from '@open-wc/testing';
import '../define/civic-initiative-card.js';
import '../define/civic-poll.js';

const adapter = () =>
  new MemoryAdapter({
    data: {
      initiatives: [{ id: 'kitchen', title: 'Stadtteilküche', status: 'active', organiser: { name: 'Nachbarschaft' } }],
      polls: [
        {
          id: 'day',
          question: 'Welcher Tag?',
          kind: 'single',
          status: 'open',
          options: [
            { id: 'thu', label: 'Donnerstag' },
            { id: 'fri', label: 'Freitag' },
          ],
        },
      ],
    },
  });

/** A `<div lang>` holding one element, in the page. */
function place(lang: string, tag: string, props: Record<string, unknown>): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.lang = lang;
  const el = Object.assign(document.createElement(tag), props);
  wrapper.append(el);
  document.body.append(wrapper);
  return el;
}

/** The modules the page fetched, by path. */
const fetched = () => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);

afterEach(() => {
  for (const wrapper of document.body.querySelectorAll('div[lang]')) wrapper.remove();
});

describe('languages loaded when a lang asks for them', () => {
  it('has English alone before any element asks for another language', () => {
    expect(registeredLanguages()).to.deep.equal(['en']);
    expect(fetched().filter((p) => p.includes('/translations/lazy/'))).to.deep.equal([]);
  });

  it('renders a poll in German from its first frame, fetching German alone', async () => {
    const el = place('de', 'civic-poll', { adapter: adapter(), pollId: 'day' });
    // Every frame until the ballot shows: no English vote button in between.
    const seen = new Set<string>();
    await waitUntil(() => {
      const button = el.shadowRoot?.querySelector('[part~="vote-button"]');
      if (button) seen.add(button.textContent.trim());
      return !!button;
    });
    expect([...seen]).to.deep.equal(['Abstimmen']);
    expect(registeredLanguages()).to.include('de');
    for (const other of ['es', 'fr', 'ar']) expect(registeredLanguages()).not.to.include(other);
    const lazy = fetched().filter((p) => p.includes('/translations/lazy/'));
    expect(lazy).to.have.length(1);
    expect(lazy[0]).to.match(/\/translations\/lazy\/de\.ts$/);
  });

  it('gives a regional tag its language (de-AT) without fetching German again', async () => {
    const el = place('de-AT', 'civic-initiative-card', { adapter: adapter(), initiativeId: 'kitchen' });
    await waitUntil(() => el.shadowRoot?.querySelector('[part="title"]'));
    expect(el.shadowRoot!.textContent).to.include('Organisiert von');
    expect(fetched().filter((p) => p.endsWith('/translations/lazy/de.ts'))).to.have.length(1);
  });

  it('turns the page right to left for Arabic once its strings are here', async () => {
    const el = place('ar', 'civic-initiative-card', { adapter: adapter(), initiativeId: 'kitchen' });
    await waitUntil(() => el.shadowRoot?.querySelector('[part="title"]'));
    expect(el.shadowRoot!.textContent).to.include('تنظيم');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="title"]')!).direction).to.equal('rtl');
  });

  it('shows English and says why when a language cannot be loaded', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      registerTranslationLoader('nl', () => Promise.reject(new TypeError('Failed to fetch')));
      const el = place('nl', 'civic-initiative-card', { adapter: adapter(), initiativeId: 'kitchen' });
      await waitUntil(() => el.shadowRoot?.querySelector('[part="title"]'));
      await translationsReady();
      expect(el.shadowRoot!.textContent).to.include('Organised by');
      expect(String(errors[0]?.[0])).to.include('"nl" strings could not be loaded');
    } finally {
      console.error = original;
    }
  });
});
