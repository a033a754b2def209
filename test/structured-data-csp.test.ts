/**
 * Structured data under a strict CSP with Trusted Types: the card's, the list's and the poll's data
 * blocks are written (a Text node, no HTML sink) and no violation is raised.
 */
import { expect, waitUntil } from '@open-wc/testing';

const POLICY = "default-src 'self'; style-src 'self'; script-src 'self'; require-trusted-types-for 'script'";
const PAGE = new URL('./fixtures/structured-data-page.ts', import.meta.url).pathname;

interface Report {
  blocks: string[];
  violations: string[];
  trustedTypes: boolean;
}

describe('structured data under a strict CSP and Trusted Types', function () {
  this.timeout(20_000);

  it('writes the card, list and poll data blocks with no violation', async () => {
    const frame = document.createElement('iframe');
    frame.title = 'Strict CSP page';
    // The frame's own policy comes from its markup; the test page itself has none.
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="${POLICY}"><title>CSP</title><script type="module" src="${PAGE}"></script></head><body></body></html>`;
    document.body.append(frame);
    const report = () => (frame.contentWindow as unknown as { __sd?: Report } | null)?.__sd;
    await waitUntil(() => !!report(), 'the strict-CSP page never finished', { timeout: 15_000 });
    const r = report()!;
    expect(r.trustedTypes, 'Trusted Types are enforced in the frame').to.equal(true);
    expect(r.violations).to.deep.equal([]);
    expect(r.blocks.map((b) => (JSON.parse(b) as { '@type'?: string; type?: string })['@type'] ?? 'AS2')).to.deep.equal(
      ['Event', 'ItemList', 'AS2'],
    );
    expect((JSON.parse(r.blocks[2]!) as { type: string }).type).to.equal('Question');
    for (const b of r.blocks) expect(b).not.to.contain('</script>');
    expect((frame.contentWindow as unknown as { __sdXss?: unknown }).__sdXss).to.equal(undefined);
    frame.remove();
  });
});
