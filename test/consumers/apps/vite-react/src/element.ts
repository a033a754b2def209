// The card's own entry from @civic-kit/elements, no React: what card.tsx may add at most (plus the wrapper).
import '@civic-kit/elements/define/civic-initiative-card.js';

const card = document.createElement('civic-initiative-card');
card.initiative = { id: 'repair-cafe', title: 'Repair Café', status: 'active' };
document.getElementById('root')!.append(card);
