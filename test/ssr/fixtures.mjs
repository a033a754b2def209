/** Hand-written data for the server-rendering tests (as a site would pass it as properties). */
export const INITIATIVE = {
  id: 'tool-library',
  title: 'Tool library on Mill Lane',
  summary: 'Borrow a drill instead of buying one.',
  status: 'active',
  tags: ['repair'],
  supporters: { count: 42, goal: 100 },
};
export const SECOND = { id: 'seed-swap', title: 'Spring seed swap', status: 'proposed', tags: [] };
export const POLL = {
  id: 'bench-colour',
  question: 'Which colour for the new benches?',
  kind: 'single',
  status: 'open',
  options: [
    { id: 'green', label: 'Forest green' },
    { id: 'blue', label: 'Harbour blue' },
  ],
  results: { counts: { green: 3, blue: 5 }, voters: 8 },
};
