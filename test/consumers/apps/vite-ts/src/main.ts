// The README's import lines, then what a TypeScript app reaches for from each entry.
import '@civic-kit/elements';
import '@civic-kit/elements/define/civic-initiative-card.js';
import { registerTranslation } from '@civic-kit/core';
import { RestAdapter } from '@civic-kit/adapters/rest';
import { CivicPoll, type CivicTranslation, type Initiative } from '@civic-kit/elements';
import { en } from '@civic-kit/elements/translations/en.js';

// A language of one's own, as packages/elements/README.md shows it.
const nl: CivicTranslation = { ...en, $code: 'nl', $name: 'Nederlands' };
registerTranslation(nl);

const poll: CivicPoll | null = document.querySelector('civic-poll');
const title: Initiative['title'] = 'Repair Café';
const adapter = new RestAdapter({ endpoint: 'https://civic.example/api' });
console.info(poll?.pollId, title, typeof adapter.getInitiative, poll instanceof CivicPoll);
