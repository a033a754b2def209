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
