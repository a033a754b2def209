import type { InitiativeInput } from '@civic-kit/core';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define/civic-initiative-list.js';
import type { CivicInitiativeList } from './initiative-list.js';

const XSS = 'Repair </script><script>window.__listXss=1</script><!--';
const initiatives: InitiativeInput[] = [
  {
    id: 'repair',
    title: XSS,
    summary: 'Fix things together.',
    status: 'active',
    url: 'https://example.org/repair',
    place: { lat: 51.45, lng: -2.58, address: 'Old Market, Bristol' },
    organiser: { name: 'Bristol Repair Collective', url: 'javascript:alert(1)' },
    startsAt: '2026-01-10T10:00:00Z',
    language: 'en',
    supporters: { count: 3 },
  },
  { id: 'garden', title: 'Community garden', status: 'proposed', tags: ['green'] },
];

async function list(attrs: Record<string, string> = {}): Promise<CivicInitiativeList> {
  const el = await fixture<CivicInitiativeList>(html`<civic-initiative-list no-filters></civic-initiative-list>`);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.initiatives = initiatives;
  await waitUntil(() => !!el.shadowRoot!.querySelector('[part="list"]'), 'list did not load', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

const block = (el: Element) => el.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]');

describe('<civic-initiative-list structured-data>', () => {
  it('writes nothing unless asked', async () => {
    const el = await list();
    expect(el.querySelector('script')).to.equal(null);
  });

  it('writes one schema.org ItemList of the initiatives shown, as Events with Place and Organization', async () => {
    const el = await list({ 'structured-data': '', label: 'Initiatives in Bristol' });
    const data = JSON.parse(block(el)!.textContent) as Record<string, unknown>;
    expect(data['@context']).to.equal('https://schema.org');
    expect(data['@type']).to.equal('ItemList');
    expect(data['name']).to.equal('Initiatives in Bristol');
    expect(data['numberOfItems']).to.equal(2);
    const items = data['itemListElement'] as { '@type': string; position: number; item: Record<string, unknown> }[];
    expect(items.map((i) => [i['@type'], i.position])).to.deep.equal([
      ['ListItem', 1],
      ['ListItem', 2],
    ]);
    const [first, second] = items.map((i) => i.item);
    expect(first!['@type']).to.equal('Event');
    expect(first!['@context']).to.equal(undefined);
    expect(first!['name']).to.equal(XSS);
    expect(first!['url']).to.equal('https://example.org/repair');
    expect(first!['startDate']).to.equal('2026-01-10T10:00:00Z');
    expect(first!['inLanguage']).to.equal('en');
    expect(first!['location']).to.deep.equal({
      '@type': 'Place',
      address: 'Old Market, Bristol',
      geo: { '@type': 'GeoCoordinates', latitude: 51.45, longitude: -2.58 },
    });
    // An unsafe organiser URL is left out, the organiser kept.
    expect(first!['organizer']).to.deep.equal({ '@type': 'Organization', name: 'Bristol Repair Collective' });
    expect(second!['name']).to.equal('Community garden');
    expect(second!['keywords']).to.equal('green');
  });

  it('keeps untrusted text inert: nothing breaks out of the data block', async () => {
    const el = await list({ 'structured-data': '' });
    const script = block(el)!;
    expect(script.textContent).not.to.contain('</script>');
    expect(script.textContent).not.to.contain('<!--');
    expect(el.querySelectorAll('script').length).to.equal(1);
    expect((window as { __listXss?: unknown }).__listXss).to.equal(undefined);
    const reparsed = new DOMParser().parseFromString(el.innerHTML, 'text/html');
    expect(reparsed.querySelectorAll('script').length).to.equal(1);
    expect(JSON.parse(reparsed.querySelector('script')!.textContent)).to.deep.equal(JSON.parse(script.textContent));
  });

  it('follows the filters, and is removed with the attribute', async () => {
    const el = await list({ 'structured-data': '' });
    el.setAttribute('status', 'proposed');
    await waitUntil(
      () => (JSON.parse(block(el)?.textContent ?? '{}') as { numberOfItems?: number }).numberOfItems === 1,
      'the data block did not follow the filter',
      { timeout: 4000 },
    );
    expect(el.querySelectorAll('script').length).to.equal(1);
    el.removeAttribute('structured-data');
    await el.updateComplete;
    expect(el.querySelector('script')).to.equal(null);
  });
});
