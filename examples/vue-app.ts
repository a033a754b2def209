/**
 * Civic Kit in a Vue 3 app: the plain tags in a template, with Vue told they are custom elements.
 * Built into `examples/dist/` by `pnpm build:examples` (part of `pnpm build` and `pnpm start`);
 * `examples/vue.html` loads it. (An app built with Vite passes the same `isCustomElement` to
 * `@vitejs/plugin-vue` as `template.compilerOptions` instead.)
 */
import '@civic-kit/elements';
import type { CivicSupportEvent, CivicVoteEvent } from '@civic-kit/elements';
import { isCivicElement } from '@civic-kit/vue';
import { createApp, ref } from 'vue';

const POLLS = [
  { id: 'first-project', label: 'Our first project' },
  { id: 'community-garden-site', label: 'The community garden' },
  { id: 'budget-priorities', label: 'The community budget' },
];

const app = createApp({
  setup() {
    const pollId = ref(POLLS[0]!.id);
    const news = ref('');
    // The handlers get the elements' own event classes: `event.ballot` and `event.initiativeId` are typed.
    const onVote = (event: CivicVoteEvent) =>
      (news.value = `You voted for ${event.ballot.choices.join(', ')} in “${event.pollId}”.`);
    const onSupport = (event: CivicSupportEvent) => (news.value = `You support “${event.initiativeId}”.`);
    return { polls: POLLS, pollId, news, onVote, onSupport };
  },
  // `adapterName`, not `adapter`: Vue sets a property when the element has one of that name, and the
  // provider's `adapter` property is the adapter object itself.
  template: `
    <civic-provider adapterName="memory" persist="civic-kit-vue-example">
      <section aria-labelledby="poll-heading">
        <h2 id="poll-heading">Have your say</h2>
        <label for="poll-choice">Poll</label>
        <select id="poll-choice" v-model="pollId">
          <option v-for="p in polls" :key="p.id" :value="p.id">{{ p.label }}</option>
        </select>
        <civic-poll :poll-id="pollId" heading-level="3" @civic-vote="onVote"></civic-poll>
      </section>
      <section aria-labelledby="card-heading">
        <h2 id="card-heading">An initiative near you</h2>
        <civic-initiative-card initiative-id="repair-cafe" heading-level="3" @civic-support="onSupport"></civic-initiative-card>
      </section>
      <p id="news" role="status">{{ news }}</p>
    </civic-provider>`,
});
app.config.compilerOptions.isCustomElement = isCivicElement;
app.mount('#app');
