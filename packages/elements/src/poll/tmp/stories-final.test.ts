import '@civic-kit/elements';
import { render } from 'lit';
import * as stories from '../../../../../stories/poll.stories.js';
import { expectAccessible } from '../../../../../test/helpers/axe.js';

const meta = stories.default as unknown as { args: Record<string, unknown>; render: (a: unknown) => unknown };
for (const [key, story] of Object.entries(stories)) {
  if (key === 'default' || key === '__namedExportsOrder') continue;
  it(`${key} final state`, async () => {
    const s = story as { args?: Record<string, unknown>; render?: (a: unknown) => unknown };
    const root = document.createElement('div');
    render((s.render ?? meta.render)({ ...meta.args, ...s.args }), root);
    document.body.append(root);
    await new Promise((r) => setTimeout(r, 800));
    const polls = [...root.querySelectorAll('civic-poll')];
    for (const p of polls) console.log(key, '::', (p.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').slice(0, 260));
    await expectAccessible(root);
    root.remove();
  });
}
