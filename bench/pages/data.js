/** N initiatives, the same on every run, shaped like the demo data (no images: no network in a benchmark). */
const towns = [
  ['Bristol', 51.454, -2.587],
  ['Totnes', 50.431, -3.686],
  ['Freiburg', 47.999, 7.842],
  ['Valencia', 39.47, -0.376],
  ['Lyon', 45.764, 4.835],
];
const tags = ['repair', 'energy', 'food-growing', 'cycling', 'housing', 'nature', 'youth', 'mutual-aid'];
const statuses = ['active', 'active', 'active', 'proposed', 'completed'];

export function initiatives(n) {
  let seed = 42;
  const random = () => (seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296;
  return Array.from({ length: n }, (_, i) => {
    const [town, lat, lng] = towns[i % towns.length];
    const count = Math.floor(random() * 400);
    return {
      id: `bench-${i}`,
      title: `${town} neighbourhood project ${i + 1}`,
      summary: 'Neighbours meet every week to repair, grow and share, and anyone is welcome to join in.',
      url: `https://example.org/initiatives/${i}`,
      status: statuses[i % statuses.length],
      place: {
        lat: lat + (random() - 0.5) / 10,
        lng: lng + (random() - 0.5) / 10,
        address: `${i + 1} High Street, ${town}`,
      },
      tags: [tags[i % tags.length], tags[(i + 3) % tags.length]],
      supporters: { count, goal: 500 },
      endsAt: '2027-06-01T10:00:00Z',
      organiser: { name: `${town} Community Group` },
      source: { name: 'Bristol Civic Square', url: 'https://civic-square.example.org' },
    };
  });
}

/** N initiatives spread over Europe (for maps: pins everywhere, not only in five towns). */
export function spreadInitiatives(n) {
  let seed = 1234;
  const random = () => (seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296;
  return initiatives(n).map((i) => ({
    ...i,
    place: { ...i.place, lat: 36 + random() * 22, lng: -10 + random() * 35 },
  }));
}

/** An adapter that sends every initiative in one page (a backend serving one static file). */
export function wholeFileAdapter(items) {
  const fail = () => Promise.reject(new Error('not in this benchmark'));
  return {
    capabilities: new Set(['list-initiatives']),
    listInitiatives: async () => ({ items, total: items.length }),
    getInitiative: fail,
    getPoll: fail,
  };
}

/** An adapter that pages through the initiatives as asked (`limit`, `cursor`), ignoring filters. */
export function pagingAdapter(items) {
  const fail = () => Promise.reject(new Error('not in this benchmark'));
  return {
    capabilities: new Set(['list-initiatives']),
    listInitiatives: async ({ cursor, limit = 500 }) => {
      const start = Number(cursor ?? 0);
      const end = Math.min(items.length, start + limit);
      return {
        items: items.slice(start, end),
        total: items.length,
        nextCursor: end < items.length ? String(end) : undefined,
      };
    },
    getInitiative: fail,
    getPoll: fail,
  };
}

/** Waits for the next frame to be painted: a task queued from requestAnimationFrame runs after it. */
export const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/**
 * Resolves after the first frame in which `done()` holds has been painted (checked in each frame's
 * animation callbacks, before it paints), with the number of frames that went by before it.
 */
export const frameWhen = (done, timeoutMs = 60_000) =>
  new Promise((resolve, reject) => {
    const until = performance.now() + timeoutMs;
    let frames = 0;
    const check = () => {
      if (done()) setTimeout(() => resolve(frames));
      else if (performance.now() > until) reject(new Error('timed out waiting for the page to render'));
      else {
        frames++;
        requestAnimationFrame(check);
      }
    };
    requestAnimationFrame(check);
  });

/** A poll shaped like the demo's first one (single choice, results always shown). */
export function pollData(n) {
  return {
    id: `bench-poll-${n}`,
    question: `Which project should our neighbourhood group take on first? (${n + 1})`,
    description: 'We can start one project this spring. Choose the one you would most like to help with.',
    kind: 'single',
    options: [
      { id: 'repair-cafe', label: 'A monthly repair café' },
      { id: 'street-trees', label: 'Planting street trees' },
      { id: 'tool-library', label: 'A tool library' },
      { id: 'play-street', label: 'A monthly play street' },
    ],
    results: {
      counts: { 'repair-cafe': 42, 'street-trees': 35, 'tool-library': 28, 'play-street': 19 },
      voters: 124,
    },
    opensAt: '2026-01-01T09:00:00Z',
    closesAt: '2030-03-01T23:59:00Z',
    status: 'open',
    resultsVisibility: 'always',
    language: 'en',
  };
}

/** An adapter with polls whose votes are never answered: what shows is the optimistic result alone. */
export function pollAdapter(polls) {
  const byId = new Map(polls.map((p) => [p.id, p]));
  const fail = () => Promise.reject(new Error('not in this benchmark'));
  return {
    capabilities: new Set(['get-poll', 'vote']),
    listInitiatives: fail,
    getInitiative: fail,
    getPoll: async (id) => structuredClone(byId.get(id)),
    vote: () => new Promise(() => {}),
  };
}
