/**
 * The typings derive attribute names from property names (`headingLevel` → `heading-level`) and list
 * each tag's events: this holds both to the elements themselves and to custom-elements.json (built by
 * `pnpm build`), so a new property or event cannot leave the React and Vue typings behind.
 */
import '@civic-kit/elements';
import { expect } from '@open-wc/testing';
import { CIVIC_EVENTS, RENAMED_ATTRIBUTES, type CivicTagName } from './element-types.js';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const tags = Object.keys(CIVIC_EVENTS) as CivicTagName[];

interface Manifest {
  modules: { declarations?: { tagName?: string; events?: { name: string }[] }[] }[];
}

describe('the framework typings', () => {
  it('cover every Civic Kit tag', () => {
    expect(tags).to.have.members([
      'civic-provider',
      'civic-initiative-card',
      'civic-initiative-list',
      'civic-poll',
      'civic-map',
      'civic-map-pin',
      'civic-find-the-others',
    ]);
    for (const tag of tags) expect(customElements.get(tag), tag).to.not.equal(undefined);
  });

  it("name each attribute as the element does: its property's name in kebab case, or a listed exception", () => {
    for (const tag of tags) {
      const renamed: Record<string, string> = (RENAMED_ATTRIBUTES as Record<string, Record<string, string>>)[tag] ?? {};
      const element = customElements.get(tag) as unknown as {
        elementProperties: Map<PropertyKey, { attribute?: boolean | string; state?: boolean }>;
      };
      for (const [name, options] of element.elementProperties) {
        if (options.state || typeof name !== 'string') continue;
        const where = `${tag} ${name}`;
        if (options.attribute === false) {
          // The typings would offer `kebab(name)` as an attribute the element does not have.
          expect(kebab(name), `${where}: a property without an attribute has a one-word name`).to.equal(name);
          continue;
        }
        const attribute = typeof options.attribute === 'string' ? options.attribute : name.toLowerCase();
        expect(attribute, where).to.equal(renamed[name] ?? kebab(name));
      }
    }
  });

  it("list each tag's events as its @fires do", async () => {
    const manifest = (await (await fetch('/packages/elements/custom-elements.json')).json()) as Manifest;
    const fires = new Map<string, string[]>();
    for (const mod of manifest.modules)
      for (const d of mod.declarations ?? [])
        if (d.tagName)
          fires.set(
            d.tagName,
            (d.events ?? []).map((e) => e.name),
          );
    for (const tag of tags) expect(Object.keys(CIVIC_EVENTS[tag]), tag).to.have.members(fires.get(tag) ?? []);
  });

  it('give each event the class it is dispatched as', () => {
    for (const tag of tags)
      for (const [name, type] of Object.entries(CIVIC_EVENTS[tag]) as [string, { eventName?: string }][])
        if (name !== 'change') expect(type.eventName, `${tag} ${name}`).to.equal(name);
  });
});
