// Only the card, from its own entry: what it adds to a React app is measured against react.tsx.
import { CivicInitiativeCard } from '@civic-kit/react/initiative-card';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <CivicInitiativeCard initiative={{ id: 'repair-cafe', title: 'Repair Café', status: 'active' }} headingLevel={2} />,
);
