import type { PollInput } from '@civic-kit/core';
import { expect, fixture, html } from '@open-wc/testing';
import '../define/civic-poll.js';
import type { CivicPoll } from './poll.js';

const AS2 = 'application/activity+json';
const XSS = 'Which? </script><script>window.__pollXss=1</script><!--';

const single: PollInput = {
  id: 'park',
  question: XSS,
  description: 'Pick one </script> option',
  kind: 'single',
  status: 'open',
  closesAt: '2099-06-01T18:00:00Z',
  options: [
    { id: 'a', label: 'Benches' },
    { id: 'b', label: 'Trees </script>' },
  ],
  results: { counts: { a: 3, b: 5 }, voters: 8 },
};

async function poll(props: Partial<CivicPoll> & Record<string, unknown>, attrs = ''): Promise<CivicPoll> {
  const el = await fixture<CivicPoll>(html`<civic-poll></civic-poll>`);
  if (attrs) el.setAttribute(attrs, '');
  Object.assign(el, props);
  await el.updateComplete;
  return el;
}

function block(el: Element): Record<string, unknown> {
  const script = el.querySelector<HTMLScriptElement>(`:scope > script[type="${AS2}"]`);
  expect(script, 'the data block').to.exist;
  return JSON.parse(script!.textContent) as Record<string, unknown>;
}

describe('<civic-poll structured-data>', () => {
  it('writes nothing unless asked', async () => {
    const el = await poll({ poll: single });
    expect(el.querySelector('script')).to.equal(null);
  });

  it('writes an ActivityStreams Question: oneOf with counts, votersCount, endTime', async () => {
    const el = await poll({ poll: single }, 'structured-data');
    expect(el.structuredData).to.equal(true);
    const data = block(el);
    expect(data['@context']).to.be.an('array');
    expect((data['@context'] as unknown[])[0]).to.equal('https://www.w3.org/ns/activitystreams');
    expect(data['type']).to.equal('Question');
    expect(data['name']).to.equal(XSS);
    expect(data['content']).to.equal('Pick one </script> option');
    expect(data['mediaType']).to.equal('text/plain');
    expect(data['anyOf']).to.equal(undefined);
    expect(data['oneOf']).to.deep.equal([
      { type: 'Note', name: 'Benches', replies: { type: 'Collection', totalItems: 3 } },
      { type: 'Note', name: 'Trees </script>', replies: { type: 'Collection', totalItems: 5 } },
    ]);
    expect(data['votersCount']).to.equal(8);
    expect(data['endTime']).to.equal('2099-06-01T18:00:00Z');
    expect(data['closed']).to.equal(undefined);
  });

  it('keeps untrusted text inert: nothing breaks out of the data block', async () => {
    const el = await poll({ poll: single, structuredData: true });
    const script = el.querySelector('script')!;
    expect(script.textContent).not.to.contain('</script>');
    expect(script.textContent).not.to.contain('<!--');
    expect(el.querySelectorAll('script').length).to.equal(1);
    expect(script.children.length).to.equal(0);
    expect((window as { __pollXss?: unknown }).__pollXss).to.equal(undefined);
    // The markup a crawler reads back parses to one script holding the same JSON.
    const reparsed = new DOMParser().parseFromString(el.innerHTML, 'text/html');
    expect(reparsed.querySelectorAll('script').length).to.equal(1);
    expect(JSON.parse(reparsed.querySelector('script')!.textContent)).to.deep.equal(block(el));
  });

  it('multiple choice is anyOf; a closed poll is closed at its end time', async () => {
    const el = await poll(
      {
        poll: {
          ...single,
          kind: 'multiple',
          status: 'closed',
          opensAt: '2020-01-01T00:00:00Z',
          closesAt: '2020-02-01T00:00:00Z',
          language: 'de',
        },
      },
      'structured-data',
    );
    const data = block(el);
    expect(data['oneOf']).to.equal(undefined);
    expect((data['anyOf'] as unknown[]).length).to.equal(2);
    expect(data['closed']).to.equal('2020-02-01T00:00:00Z');
    expect(data['startTime']).to.equal('2020-01-01T00:00:00Z');
    expect(data['nameMap']).to.deep.equal({ de: XSS });
  });

  it('closed with no end time: closed is true', async () => {
    const { closesAt: _, ...rest } = single;
    const el = await poll({ poll: { ...rest, status: 'closed' } }, 'structured-data');
    expect(block(el)['closed']).to.equal(true);
  });

  it('leaves out counts the element does not show (results after the vote)', async () => {
    const el = await poll({ poll: { ...single, resultsVisibility: 'after-vote' } }, 'structured-data');
    const data = block(el);
    expect(data['votersCount']).to.equal(undefined);
    for (const o of data['oneOf'] as Record<string, unknown>[]) expect(o['replies']).to.equal(undefined);
  });

  it('follows the poll shown, and is removed with the attribute', async () => {
    const el = await poll({ poll: single }, 'structured-data');
    el.poll = { ...single, question: 'Where should the benches go?' };
    await el.updateComplete;
    expect(block(el)['name']).to.equal('Where should the benches go?');
    expect(el.querySelectorAll('script').length).to.equal(1);
    el.removeAttribute('structured-data');
    await el.updateComplete;
    expect(el.querySelector('script')).to.equal(null);
  });

  it('writes nothing for a malformed poll', async () => {
    const el = await poll({ poll: { id: 'x' } }, 'structured-data');
    expect(el.querySelector('script')).to.equal(null);
  });

  it('without Trusted Types, writes the same block as a Text node', async () => {
    const key = Symbol.for('civic-kit.data-block-policy');
    const g = globalThis as unknown as Record<symbol, unknown>;
    const policy = g[key];
    g[key] = null; // as in a browser without Trusted Types
    try {
      const el = await poll({ poll: single }, 'structured-data');
      const script = el.querySelector('script')!;
      expect(script.childNodes.length).to.equal(1);
      expect(script.firstChild!.nodeType).to.equal(Node.TEXT_NODE);
      expect(block(el)['name']).to.equal(XSS);
    } finally {
      g[key] = policy;
    }
  });
});
