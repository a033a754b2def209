import {
  CivicFindTheOthers,
  CivicInitiativeCard,
  CivicInitiativeList,
  CivicMap,
  CivicMapPin,
  CivicPoll,
  CivicProvider,
} from '@civic-kit/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return (
    <>
      <h1>Our town</h1>
      <CivicProvider adapterName="memory">
        <CivicInitiativeCard initiativeId="repair-cafe" headingLevel={2} />
        <CivicPoll pollId="first-project" headingLevel={2} onCivicVote={(e) => console.info(e.ballot.choices)} />
        <CivicInitiativeList label="Initiatives" pageSize={3} headingLevel={2} />
        <CivicMap headingLevel={2} fitToPins>
          <CivicMapPin lat={51.4545} lng={-2.5879} label="Bristol" />
          <CivicMapPin lat={51.3811} lng={-2.359} label="Bath" />
        </CivicMap>
        <CivicFindTheOthers organisations={['Our town']} privacyUrl="/privacy" headingLevel={2} />
      </CivicProvider>
      {/* The plain tags type-check too. */}
      <civic-initiative-card initiative-id="repair-cafe" heading-level={2} />
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
