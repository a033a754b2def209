/**
 * Civic Kit in a React 19 app, through the `@civic-kit/react` wrappers. Built into `examples/dist/` by
 * `pnpm build:examples` (part of `pnpm build` and `pnpm start`); `examples/react.html` loads it.
 */
import { CivicInitiativeCard, CivicPoll, CivicProvider } from '@civic-kit/react';
import type { CivicSupportEvent, CivicVoteEvent } from '@civic-kit/elements';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

const POLLS = [
  { id: 'first-project', label: 'Our first project' },
  { id: 'community-garden-site', label: 'The community garden' },
  { id: 'budget-priorities', label: 'The community budget' },
];

function App() {
  const [pollId, setPollId] = useState(POLLS[0]!.id);
  const [news, setNews] = useState('');

  // The handlers get the elements' own event classes: `event.ballot` and `event.initiativeId` are typed.
  const onVote = (event: CivicVoteEvent) =>
    setNews(`You voted for ${event.ballot.choices.join(', ')} in “${event.pollId}”.`);
  const onSupport = (event: CivicSupportEvent) => setNews(`You support “${event.initiativeId}”.`);

  return (
    <CivicProvider adapterName="memory" persist="civic-kit-react-example">
      <section aria-labelledby="poll-heading">
        <h2 id="poll-heading">Have your say</h2>
        <label htmlFor="poll-choice">Poll</label>{' '}
        <select id="poll-choice" value={pollId} onChange={(e) => setPollId(e.target.value)}>
          {POLLS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        <CivicPoll pollId={pollId} headingLevel={3} onCivicVote={onVote} />
      </section>
      <section aria-labelledby="card-heading">
        <h2 id="card-heading">An initiative near you</h2>
        <CivicInitiativeCard initiativeId="repair-cafe" headingLevel={3} onCivicSupport={onSupport} />
      </section>
      <p id="news" role="status">
        {news}
      </p>
    </CivicProvider>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
