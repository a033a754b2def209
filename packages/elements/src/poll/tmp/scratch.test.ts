import { Outbox } from '@civic-kit/core';
import { html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { ScriptedAdapter } from '../../../../../test/helpers/adapters.js';
import '../../define/civic-poll.js';
import '../../define/civic-provider.js';
import '../../translations/all.js';
import type { CivicPoll } from '../poll.js';
import { registerStrings } from '../../translations/languages.js';
import { pollStrings } from '../poll.strings.js';
registerStrings(pollStrings);


it('scratch', async () => {
  const adapter = ScriptedAdapter.demo({ now: () => new Date('2026-12-01T12:00:00Z') });
  const wrap = document.createElement('div');
  console.log('a');
  render(
    html`<civic-poll id="a" poll-id="first-project" .adapter=${adapter} .outbox=${new Outbox('x1')}></civic-poll>
      <civic-poll id="b" poll-id="first-project" .adapter=${adapter} .outbox=${new Outbox('x2')}></civic-poll>`,
    wrap,
  );
  console.log('b');
  document.body.append(wrap);
  console.log('c');
  const a = wrap.querySelector<CivicPoll>('#a')!;
  const b = wrap.querySelector<CivicPoll>('#b')!;
  await waitUntil(() => !!a.shadowRoot!.querySelector('form') && !!b.shadowRoot!.querySelector('form'));
  console.log('d');
  wrap.remove();
});
