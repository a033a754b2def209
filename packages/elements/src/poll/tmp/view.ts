import { Outbox } from '@civic-kit/core';
import { html, render } from 'lit';
import { ScriptedAdapter } from '../../../../../test/helpers/adapters.js';
import '../../define/civic-poll.js';
import '../../define/civic-provider.js';
import '../../translations/all.js';
import { registerStrings } from '../../translations/languages.js';
import { pollStrings } from '../poll.strings.js';
registerStrings(pollStrings);
const now = () => new Date('2026-12-01T12:00:00Z');
const a = ScriptedAdapter.demo({ now });
const failing = ScriptedAdapter.demo({ now }).failNext('vote', 'network');
const q = new URLSearchParams(location.search);
const id = q.get('id') ?? 'first-project';
const lang = q.get('lang') ?? 'en';
const width = q.get('w') ?? '28rem';
const theme = q.get('theme') ?? 'light';
document.body.style.margin = '1rem';
render(
  html`<style>.w { width: ${width}; }</style><civic-provider .adapter=${q.get("fail") ? failing : a} theme=${theme} lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'}><div class="w"><civic-poll poll-id=${id} .outbox=${new Outbox('view-' + Math.random())}></civic-poll></div></civic-provider>`,
  document.body,
);
(window as unknown as { ready: boolean }).ready = true;
