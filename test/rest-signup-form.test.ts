/**
 * `<civic-find-the-others>` through the REST adapter against the real server as it runs in production
 * (a child process with the defaults: a form stamp required, 3 s at least to fill the form in).
 */
import { RestAdapter } from '@civic-kit/adapters/rest';
import '@civic-kit/elements/define/civic-find-the-others.js';
import '@civic-kit/elements/define/civic-provider.js';
import type { CivicFindTheOthers } from '@civic-kit/elements';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { killProcess, startProcess } from './rest-server.js';

const FIXTURE = {
  interests: [
    { id: 'repair', label: 'Repair' },
    { id: 'energy', label: 'Energy' },
  ],
  places: { bristol: { lat: 51.454, lng: -2.587 } },
};

describe('a sign-up through the form the server serves', function () {
  this.timeout(40_000);

  it('waits the fill time the server sets, sends its stamp and shows the receipt the server recorded', async () => {
    const server = await startProcess(FIXTURE);
    const adapter = new RestAdapter({ endpoint: server.url, retries: 0 });
    const forms: string[] = [];
    const signupForm = adapter.signupForm.bind(adapter);
    adapter.signupForm = async (o) => {
      const form = await signupForm(o);
      forms.push(form.stamp);
      return form;
    };
    try {
      const provider = await fixture<HTMLElement>(
        html`<civic-provider .adapter=${adapter}>
          <civic-find-the-others lang="en-GB" min-fill-seconds="0"></civic-find-the-others>
        </civic-provider>`,
      );
      const el = provider.querySelector<CivicFindTheOthers>('civic-find-the-others')!;
      const $ = <T extends HTMLElement = HTMLElement>(s: string) => el.shadowRoot!.querySelector<T>(s);
      await waitUntil(() => $('#interest-0') && forms.length === 1, 'no causes or no form', { timeout: 10_000 });
      const shown = performance.now();
      for (const [selector, value] of [
        ['#name', 'Ada Lovelace'],
        ['#email', 'ada@example.org'],
        ['#place', 'Bristol'],
      ] as const) {
        const input = $<HTMLInputElement>(selector)!;
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      $<HTMLInputElement>('input[name="interests"][value="repair"]')!.click();
      $<HTMLInputElement>('input[name="consent"][value="connect"]')!.click();
      await el.updateComplete;

      // At once: the server's 3 s count, not the attribute's 0; nothing is sent.
      const sent: unknown[] = [];
      el.addEventListener('civic-signup', (e) => sent.push(e));
      $<HTMLFormElement>('form')!.requestSubmit();
      await new Promise((r) => setTimeout(r, 200));
      expect(sent).to.have.length(0);

      await new Promise((r) => setTimeout(r, Math.max(0, 3_300 - (performance.now() - shown))));
      $<HTMLFormElement>('form')!.requestSubmit();
      await waitUntil(() => $('[part="results"]'), 'no results', { timeout: 10_000 });
      const receipt = $('[part="receipt"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
      expect(receipt).to.contain('to put me in touch with people and groups near me');
      expect(receipt).to.match(/version \S+, recorded/);
      // The stamp is used: the form fetched a new one for the next sign-up.
      await waitUntil(() => forms.length === 2, 'no new form', { timeout: 5_000 });
      expect(forms[1]).not.to.equal(forms[0]);
    } finally {
      adapter.dispose();
      await killProcess(server.id);
    }
  });
});
