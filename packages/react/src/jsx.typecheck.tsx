/**
 * Type-level tests, compiled by `pnpm typecheck` (never run): the plain tags and the wrappers take the
 * elements' own props and events, and reject wrong ones.
 */
import type { CivicAdapter, CivicSupportEvent, CivicVoteEvent } from '@civic-kit/elements';
import { CivicInitiativeList, CivicPoll, CivicProvider } from './index.js';

declare const adapter: CivicAdapter;
const choices = (e: CivicVoteEvent): readonly string[] => e.ballot.choices;
const supported = (e: CivicSupportEvent): string => e.initiativeId;

export const plainTags = (
  <civic-provider adapterName="memory" theme="dark" voter-token="t" lang="es">
    <civic-poll
      poll-id="first-project"
      heading-level={2}
      structured-data
      oncivic-vote={(e) => {
        choices(e);
        e.preventDefault();
      }}
      oncivic-error={(e) => e.error.code}
    />
    <civic-poll pollId="first-project" heading-level="4" poll={{ id: 'x' }} />
    <civic-initiative-card initiative-id="repair-cafe" no-support oncivic-support={(e) => e.initiativeId} />
    <civic-initiative-list near="51.45,-2.58" radius-km={10} tags={['food']} onchange={(e) => e.type} />
    <civic-map center="51.45,-2.58" zoom={12} oncivic-pin-select={(e) => e.lat + e.lng}>
      <civic-map-pin lat={51.45} lng={-2.58} label="Repair café" />
    </civic-map>
    <civic-find-the-others radius-km={5} oncivic-signup={(e) => e.signup.radiusKm} />
    <civic-provider adapter={adapter} />
  </civic-provider>
);

export const wrongPlainTags = (
  <>
    {/* @ts-expect-error: poll-id is a string */}
    <civic-poll poll-id={42} />
    {/* @ts-expect-error: no such property (JSX lets any unknown name with a hyphen through) */}
    <civic-poll pollIdd="first-project" />
    {/* @ts-expect-error: heading levels are 2 to 6 */}
    <civic-poll heading-level={7} />
    {/* @ts-expect-error: civic-vote carries a CivicVoteEvent, not a CivicSupportEvent */}
    <civic-poll oncivic-vote={supported} />
    {/* @ts-expect-error: the provider's adapter property is the adapter object (name it with adapterName) */}
    <civic-provider adapter="memory" />
    {/* @ts-expect-error: theme is light, dark or auto */}
    <civic-provider theme="blue" />
    {/* @ts-expect-error: a getter of the map, not something to set */}
    <civic-map leafletView={undefined} />
  </>
);

export const wrappers = (
  <CivicProvider adapterName="memory">
    <CivicPoll pollId="first-project" headingLevel={2} onCivicVote={choices} onCivicError={(e) => e.error.code} />
    <CivicInitiativeList near="51.45,-2.58" onChange={(e) => e.type} />
  </CivicProvider>
);

export const wrongWrappers = (
  <>
    {/* @ts-expect-error: pollId is a string */}
    <CivicPoll pollId={42} />
    {/* @ts-expect-error: civic-vote carries a CivicVoteEvent, not a CivicSupportEvent */}
    <CivicPoll onCivicVote={supported} />
    {/* @ts-expect-error: the poll fires no support event */}
    <CivicPoll onCivicSupport={() => undefined} />
  </>
);
