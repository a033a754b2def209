/**
 * Demo data shipped with Civic Kit. The embedded default backend shows it when a site has no
 * backend of its own, and stories and tests use it as a realistic fixture.
 *
 * Everything here is fictional: the groups, initiatives, polls and people are invented, and every
 * link points at a reserved example domain (`*.example.org`, `*.example.net`, `*.example.de`).
 * Town and neighbourhood coordinates are real so that distance filters behave sensibly. There are
 * no images: a page showing the demo must make no request to a host its owner did not configure.
 */
import type { InitiativeInput } from '../model.js';
import type { PollInput } from '../poll-model.js';
import type { Interest } from '../signup-model.js';

export const DEMO_INTERESTS: Interest[] = [
  { id: 'food-growing', label: 'Food growing' },
  { id: 'repair', label: 'Repair and reuse' },
  { id: 'energy', label: 'Community energy' },
  { id: 'cycling', label: 'Cycling and walking' },
  { id: 'housing', label: 'Housing' },
  { id: 'nature', label: 'Nature and wildlife' },
  { id: 'youth', label: 'Young people' },
  { id: 'elders', label: 'Older people' },
  { id: 'arts', label: 'Arts and culture' },
  { id: 'local-economy', label: 'Local economy' },
  { id: 'water', label: 'Rivers and water' },
  { id: 'mutual-aid', label: 'Mutual aid' },
];

/** The demo's topics in the languages of its initiatives (English: `DEMO_INTERESTS`). */
const TOPIC_WORDS: Record<string, Record<string, string>> = {
  de: {
    'food-growing': 'Gemüseanbau',
    repair: 'Reparieren und Wiederverwenden',
    energy: 'Bürgerenergie',
    cycling: 'Rad- und Fußverkehr',
    housing: 'Wohnen',
    nature: 'Natur und Artenvielfalt',
    youth: 'Jugend',
    elders: 'Ältere Menschen',
    arts: 'Kunst und Kultur',
    'local-economy': 'Lokale Wirtschaft',
    water: 'Flüsse und Wasser',
    'mutual-aid': 'Nachbarschaftshilfe',
  },
  es: {
    'food-growing': 'Huertos',
    repair: 'Reparar y reutilizar',
    energy: 'Energía comunitaria',
    cycling: 'Bici y a pie',
    housing: 'Vivienda',
    nature: 'Naturaleza',
    youth: 'Jóvenes',
    elders: 'Personas mayores',
    arts: 'Arte y cultura',
    'local-economy': 'Economía local',
    water: 'Ríos y agua',
    'mutual-aid': 'Apoyo mutuo',
  },
  fr: {
    'food-growing': 'Jardins nourriciers',
    repair: 'Réparer et réemployer',
    energy: 'Énergie citoyenne',
    cycling: 'Vélo et marche',
    housing: 'Logement',
    nature: 'Nature et biodiversité',
    youth: 'Jeunes',
    elders: 'Personnes âgées',
    arts: 'Arts et culture',
    'local-economy': 'Économie locale',
    water: 'Rivières et eau',
    'mutual-aid': 'Entraide',
  },
  ar: {
    'food-growing': 'الزراعة',
    repair: 'الإصلاح وإعادة الاستخدام',
    energy: 'طاقة مجتمعية',
    cycling: 'الدراجات والمشي',
    housing: 'السكن',
    nature: 'الطبيعة والحياة البرية',
    youth: 'الشباب',
    elders: 'كبار السن',
    arts: 'الفنون والثقافة',
    'local-economy': 'الاقتصاد المحلي',
    water: 'الأنهار والمياه',
    'mutual-aid': 'المساعدة المتبادلة',
  },
};

/** Each initiative's topic words, in its own language (the data source sends them with it). */
export function withTopicWords(initiatives: InitiativeInput[]): InitiativeInput[] {
  const english = Object.fromEntries(DEMO_INTERESTS.map((i) => [i.id, i.label]));
  return initiatives.map((i) => {
    const words = TOPIC_WORDS[i.language ?? 'en'] ?? english;
    const tagLabels = Object.fromEntries((i.tags ?? []).filter((t) => words[t]).map((t) => [t, words[t]!]));
    return Object.keys(tagLabels).length ? { ...i, tagLabels } : i;
  });
}

const CIVIC_SQUARE = { name: 'Bristol Civic Square', url: 'https://civic-square.example.org' };
const TRANSITION_MAP = { name: 'Transition Network Map', url: 'https://transition-map.example.net' };
const DECIDIM_FREIBURG = { name: 'Decidim Freiburg', url: 'https://decidim-freiburg.example.de' };

export const DEMO_INITIATIVES: InitiativeInput[] = [
  // ───────────────────────────── Bristol, UK (51.454, -2.587) ─────────────────────────────
  {
    id: 'repair-cafe',
    title: 'Bristol Repair Café',
    summary:
      'Bring your broken toasters, lamps, clothes and bikes on the first Saturday of the month. Volunteer fixers repair them with you, for free, over tea and cake.',
    url: 'https://civic-square.example.org/initiatives/repair-cafe',
    status: 'active',
    place: {
      lat: 51.4627,
      lng: -2.5626,
      address: 'Easton Community Centre, Kilburn Street, Bristol BS5',
      precision: 'exact',
    },
    tags: ['repair', 'local-economy'],
    supporters: { count: 214, goal: 300 },
    organiser: { name: 'Bristol Repair Collective', url: 'https://repair-collective.example.org' },
    source: CIVIC_SQUARE,
    language: 'en',
  },
  {
    id: 'easton-community-kitchen',
    title: 'مطبخ إيستون المجتمعي',
    summary:
      'وجبة ساخنة مجانية كل يوم جمعة، يطبخها متطوعون من الجالية العربية في بريستول. الجميع مرحَّب بهم، ويمكنكم المساعدة في الطبخ أو التقديم أو التنظيف.',
    url: 'https://civic-square.example.org/initiatives/easton-community-kitchen',
    status: 'active',
    place: { lat: 51.465, lng: -2.566, address: 'St Marks Road, Easton, Bristol BS5', precision: 'exact' },
    tags: ['mutual-aid', 'elders'],
    supporters: { count: 87, goal: 150 },
    organiser: { name: 'جمعية البيت العربي في بريستول' },
    source: CIVIC_SQUARE,
    language: 'ar',
  },
  {
    id: 'barton-hill-homework-club',
    title: 'نادي الواجبات المدرسية بالعربية والإنجليزية في بارتون هيل',
    summary:
      'نقترح جلسات أسبوعية بعد المدرسة يساعد فيها متطوعون ثنائيو اللغة الأطفالَ في واجباتهم ويشجعونهم على القراءة بالعربية. نبحث عن قاعة مناسبة وعن متطوعين.',
    url: 'https://civic-square.example.org/initiatives/barton-hill-homework-club',
    status: 'proposed',
    place: { lat: 51.4566, lng: -2.5694, address: 'Barton Hill, Bristol BS5', precision: 'exact' },
    tags: ['youth'],
    supporters: { count: 23, goal: 40 },
    startsAt: '2027-01-12T16:00:00Z',
    organiser: { name: 'جمعية البيت العربي في بريستول' },
    source: CIVIC_SQUARE,
    language: 'ar',
  },
  {
    id: 'st-werburghs-orchard',
    title: 'Plant a community orchard in St Werburghs',
    summary:
      'Forty heritage apple, pear and plum trees on the edge of Mina Road Park, planted and looked after by neighbours. Planting days run through the winter; no experience needed.',
    url: 'https://civic-square.example.org/initiatives/st-werburghs-orchard',
    status: 'active',
    place: { lat: 51.4722, lng: -2.5768, address: 'Mina Road Park, St Werburghs, Bristol BS2', precision: 'exact' },
    tags: ['food-growing', 'nature'],
    supporters: { count: 142, goal: 200 },
    startsAt: '2026-12-05T10:00:00Z',
    endsAt: '2027-03-15T16:00:00Z',
    organiser: { name: 'St Werburghs Orchard Group' },
    source: CIVIC_SQUARE,
    language: 'en',
  },
  {
    id: 'bedminster-bike-kitchen',
    title: 'Bedminster Bike Kitchen',
    summary:
      'A pay-what-you-can workshop where anyone can learn to fix their own bike with shared tools and donated parts. Tuesday evenings are for under-18s.',
    url: 'https://civic-square.example.org/initiatives/bedminster-bike-kitchen',
    status: 'active',
    place: { lat: 51.4405, lng: -2.5985, address: 'North Street, Bedminster, Bristol BS3', precision: 'exact' },
    tags: ['cycling', 'repair', 'youth'],
    supporters: { count: 131, goal: 100 },
    organiser: { name: 'South Bristol Bike Kitchen Co-op', url: 'https://bike-kitchen.example.org' },
    source: CIVIC_SQUARE,
    language: 'en',
  },
  {
    id: 'south-bristol-streets-plan',
    title:
      'From Harbourside to Hartcliffe: a shared neighbourhood plan for safer walking and cycling routes, more street trees and quieter school streets',
    summary:
      'Residents from eight south Bristol neighbourhoods are drawing up a joint plan for the streets between the Harbourside and Hartcliffe. It brings together ideas collected at school gates, bus stops and community centres over the past year: protected cycle lanes on the main roads, safer crossings near primary schools, timed school streets at drop-off and pick-up, and a hundred new street trees where pavements are wide enough. Once the plan has enough supporters it will be presented to the council and the local ward forums, and every neighbourhood will be asked to choose its own first steps.',
    url: 'https://civic-square.example.org/initiatives/south-bristol-streets-plan',
    status: 'proposed',
    place: { lat: 51.428, lng: -2.595, address: 'South Bristol', precision: 'area' },
    tags: ['cycling', 'nature', 'youth'],
    supporters: { count: 58, goal: 500 },
    endsAt: '2027-06-30T23:59:00Z',
    organiser: { name: 'South Bristol Streets Alliance' },
    source: CIVIC_SQUARE,
    language: 'en',
  },
  {
    id: 'portishead-water-watch',
    title: 'Citizen water testing on the Portishead shoreline',
    summary:
      'Volunteers take monthly samples along the Severn shore and the lake grounds, test them for bacteria and publish the results openly so swimmers and paddlers can decide when it is safe.',
    url: 'https://civic-square.example.org/initiatives/portishead-water-watch',
    status: 'active',
    place: { lat: 51.487, lng: -2.767, address: 'Lake Grounds, Portishead', precision: 'exact' },
    tags: ['water', 'nature'],
    supporters: { count: 39, goal: 60 },
    startsAt: '2026-06-01T08:00:00Z',
    endsAt: '2027-05-31T18:00:00Z',
    organiser: { name: 'Portishead Water Watchers' },
    source: CIVIC_SQUARE,
    language: 'en',
  },
  {
    id: 'keynsham-draught-busting',
    title: 'Keynsham draught-busting workshops',
    summary:
      'A summer of hands-on workshops on sealing gaps, fitting secondary glazing film and insulating lofts, plus free draught-proofing kits for households on low incomes.',
    url: 'https://civic-square.example.org/initiatives/keynsham-draught-busting',
    status: 'completed',
    place: { lat: 51.4135, lng: -2.498, address: 'Keynsham Community Space, Keynsham', precision: 'exact' },
    tags: ['energy', 'elders', 'mutual-aid'],
    supporters: { count: 64 },
    startsAt: '2026-06-01T09:00:00Z',
    endsAt: '2026-09-30T17:00:00Z',
    organiser: { name: 'Keynsham Energy Neighbours' },
    source: CIVIC_SQUARE,
    language: 'en',
  },
  {
    id: 'knowle-west-youth-radio',
    title: 'Knowle West youth radio',
    summary:
      'Young people from Knowle West produce a weekly community radio show, learning to interview, edit and present. Supporters help us keep the studio open after school.',
    url: 'https://civic-square.example.org/initiatives/knowle-west-youth-radio',
    status: 'active',
    place: { lat: 51.422, lng: -2.587, address: 'Knowle West, Bristol', precision: 'area' },
    tags: ['youth', 'arts'],
    supporters: { count: 77, goal: 120 },
    organiser: { name: 'Knowle West Young Voices' },
    source: CIVIC_SQUARE,
    language: 'en',
  },
  {
    id: 'stokes-croft-mural',
    title: 'Repaint the Stokes Croft community mural',
    summary:
      'A call to restore the faded mural on the corner of Stokes Croft with local artists and residents. Pledges have now closed; thank you to everyone who took part.',
    url: 'https://civic-square.example.org/initiatives/stokes-croft-mural',
    status: 'closed',
    place: { lat: 51.4633, lng: -2.5897, address: 'Stokes Croft, Bristol BS1', precision: 'exact' },
    tags: ['arts', 'local-economy'],
    supporters: { count: 310, goal: 400 },
    endsAt: '2026-08-31T23:59:00Z',
    organiser: { name: 'Stokes Croft Walls Collective' },
    source: CIVIC_SQUARE,
    language: 'en',
  },

  // ───────────────────────────── Totnes, UK (50.431, -3.686) ─────────────────────────────
  {
    id: 'community-energy-totnes',
    title: 'Totnes Community Energy: solar on school roofs',
    summary:
      'A community-owned co-op putting solar panels on the roofs of Totnes schools. Members invest from £50, the schools get cheaper electricity and pupils follow the output live in class.',
    url: 'https://transition-map.example.net/initiatives/community-energy-totnes',
    status: 'active',
    place: { lat: 50.429, lng: -3.696, address: 'King Edward VI Community College, Totnes', precision: 'exact' },
    tags: ['energy', 'youth'],
    supporters: { count: 388, goal: 500 },
    startsAt: '2026-09-01T08:00:00Z',
    endsAt: '2027-08-31T17:00:00Z',
    organiser: { name: 'Totnes Community Energy Co-op', url: 'https://totnes-energy.example.org' },
    source: TRANSITION_MAP,
    language: 'en',
  },
  {
    id: 'totnes-seed-library',
    title: 'Totnes seed library',
    summary:
      'Borrow seeds in spring, grow them out, and bring some back in autumn. The library keeps local varieties of beans, tomatoes and squash adapted to south Devon.',
    url: 'https://transition-map.example.net/initiatives/totnes-seed-library',
    status: 'active',
    place: { lat: 50.4318, lng: -3.687, address: 'Totnes Library, Totnes', precision: 'exact' },
    tags: ['food-growing', 'nature'],
    supporters: { count: 120 },
    organiser: { name: 'Totnes Seed Savers' },
    source: TRANSITION_MAP,
    language: 'en',
  },
  {
    id: 'dartington-food-forest',
    title: 'Dartington food forest',
    summary:
      'Turning two acres of grazing land into a forest garden of nut trees, fruit bushes and perennial vegetables, with monthly volunteer days and open harvests.',
    url: 'https://transition-map.example.net/initiatives/dartington-food-forest',
    status: 'active',
    place: { lat: 50.4505, lng: -3.7005, address: 'Dartington, near Totnes', precision: 'exact' },
    tags: ['food-growing', 'nature'],
    supporters: { count: 205, goal: 250 },
    organiser: { name: 'Dartington Forest Garden Group' },
    source: TRANSITION_MAP,
    language: 'en',
  },
  {
    id: 'totnes-local-currency',
    title: 'Bring back a local currency for Totnes traders',
    summary:
      'A proposal for a new digital local currency that independent shops and market traders accept, keeping more spending in the town. We need traders and residents to sign up before a pilot.',
    url: 'https://transition-map.example.net/initiatives/totnes-local-currency',
    status: 'proposed',
    place: { lat: 50.431, lng: -3.686, address: 'Totnes town centre', precision: 'area' },
    tags: ['local-economy'],
    supporters: { count: 47, goal: 200 },
    organiser: { name: 'Totnes Traders Network' },
    source: TRANSITION_MAP,
    language: 'en',
  },
  {
    id: 'buckfastleigh-river-clean-up',
    title: 'River Dart clean-up at Buckfastleigh',
    summary:
      'A one-day clean-up of the riverbank below Buckfastleigh, with litter picking, a count of invasive Himalayan balsam and a picnic afterwards. Just proposed: be the first to join.',
    url: 'https://transition-map.example.net/initiatives/buckfastleigh-river-clean-up',
    status: 'proposed',
    place: { lat: 50.481, lng: -3.779, address: 'Riverside, Buckfastleigh', precision: 'exact' },
    tags: ['water', 'nature'],
    supporters: { count: 0, goal: 30 },
    startsAt: '2027-04-10T09:00:00Z',
    endsAt: '2027-04-10T16:00:00Z',
    organiser: { name: 'Dart Valley River Friends' },
    source: TRANSITION_MAP,
    language: 'en',
  },
  {
    id: 'dartmouth-community-land-trust',
    title: 'Dartmouth community land trust homes',
    summary:
      'Twelve permanently affordable homes for people who work in Dartmouth, built on land held in trust by the community. Supporters help show the planning committee there is local need.',
    url: 'https://transition-map.example.net/initiatives/dartmouth-community-land-trust',
    status: 'active',
    place: { lat: 50.351, lng: -3.579, address: 'Dartmouth', precision: 'area' },
    tags: ['housing', 'local-economy'],
    supporters: { count: 162, goal: 300 },
    endsAt: '2027-10-31T23:59:00Z',
    organiser: { name: 'Dartmouth Community Land Trust', url: 'https://dartmouth-clt.example.org' },
    source: TRANSITION_MAP,
    language: 'en',
  },
  {
    id: 'totnes-lunch-club',
    title: 'Intergenerational lunch club pilot',
    summary:
      'Every Wednesday over the summer, sixth-formers and older residents cooked and ate lunch together at the Civic Hall. The pilot has finished and a longer-term group is being formed.',
    url: 'https://transition-map.example.net/initiatives/totnes-lunch-club',
    status: 'completed',
    place: { lat: 50.4322, lng: -3.6857, address: 'Civic Hall, Totnes', precision: 'exact' },
    tags: ['elders', 'youth', 'mutual-aid'],
    supporters: { count: 41 },
    startsAt: '2026-06-03T11:30:00Z',
    endsAt: '2026-10-14T14:00:00Z',
    organiser: { name: 'Totnes Table Together' },
    source: TRANSITION_MAP,
    language: 'en',
  },
  {
    id: 'paignton-repair-and-reuse',
    title: 'Paignton repair and reuse hub',
    summary:
      'A shopfront on the high street where volunteers repair small appliances and furniture, and a swap shelf lets people pass on things they no longer need.',
    url: 'https://transition-map.example.net/initiatives/paignton-repair-and-reuse',
    status: 'active',
    place: { lat: 50.4355, lng: -3.565, address: 'Hyde Road, Paignton', precision: 'exact' },
    tags: ['repair', 'local-economy'],
    supporters: { count: 33, goal: 80 },
    organiser: { name: 'Paignton Fix and Swap' },
    source: TRANSITION_MAP,
    language: 'en',
  },

  // ──────────────────────────── Freiburg, DE (47.999, 7.842) ────────────────────────────
  {
    id: 'vauban-lastenrad',
    title: 'Lastenräder zum Ausleihen im Vauban',
    summary:
      'Drei E-Lastenräder stehen im Quartier kostenlos zum Ausleihen bereit – für den Wocheneinkauf, den Umzug ins Nachbarhaus oder den Ausflug mit Kindern. Gebucht wird über einen gemeinsamen Kalender.',
    url: 'https://decidim-freiburg.example.de/initiatives/vauban-lastenrad',
    status: 'active',
    place: { lat: 47.9785, lng: 7.829, address: 'Vaubanallee, 79100 Freiburg im Breisgau', precision: 'exact' },
    tags: ['cycling', 'mutual-aid'],
    supporters: { count: 276, goal: 300 },
    organiser: { name: 'Quartiersverein Vauban mobil', url: 'https://vauban-mobil.example.de' },
    source: DECIDIM_FREIBURG,
    language: 'de',
  },
  {
    id: 'rieselfeld-gemeinschaftsgarten',
    title: 'Gemeinschaftsgarten Rieselfeld',
    summary:
      'Auf einer Brachfläche am Stadtteilrand legen wir Hochbeete, eine Kräuterspirale und einen Schulgarten an. Ab März 2027 wird jeden Samstag gemeinsam gegärtnert.',
    url: 'https://decidim-freiburg.example.de/initiatives/rieselfeld-gemeinschaftsgarten',
    status: 'active',
    place: { lat: 47.995, lng: 7.791, address: 'Rieselfeld, 79111 Freiburg im Breisgau', precision: 'exact' },
    tags: ['food-growing', 'nature', 'youth'],
    supporters: { count: 118, goal: 150 },
    startsAt: '2027-03-01T09:00:00Z',
    endsAt: '2027-10-31T17:00:00Z',
    organiser: { name: 'Gartengruppe Rieselfeld' },
    source: DECIDIM_FREIBURG,
    language: 'de',
  },
  {
    id: 'wiehre-reparatur-treff',
    title: 'Reparatur-Treff Wiehre',
    summary:
      'Jeden zweiten Donnerstag reparieren wir gemeinsam Elektrogeräte, Fahrräder und Kleidung im Gemeindesaal. Werkzeug und Kaffee sind da – bring dein kaputtes Lieblingsstück mit.',
    url: 'https://decidim-freiburg.example.de/initiatives/wiehre-reparatur-treff',
    status: 'active',
    place: { lat: 47.9885, lng: 7.8565, address: 'Wiehre, 79102 Freiburg im Breisgau', precision: 'exact' },
    tags: ['repair'],
    supporters: { count: 64 },
    organiser: { name: 'Reparatur-Initiative Wiehre' },
    source: DECIDIM_FREIBURG,
    language: 'de',
  },
  {
    id: 'stuehlinger-wohnprojekt',
    title: 'Genossenschaftliches Wohnprojekt im Stühlinger',
    summary:
      'Familien, Alleinerziehende sowie Seniorinnen und Senioren planen gemeinsam ein Wohnhaus mit bezahlbaren Mieten und Gemeinschaftsräumen. Wir suchen Unterstützung für die Bewerbung um ein städtisches Grundstück.',
    url: 'https://decidim-freiburg.example.de/initiatives/stuehlinger-wohnprojekt',
    status: 'proposed',
    place: { lat: 47.9975, lng: 7.834, address: 'Stühlinger, 79106 Freiburg im Breisgau', precision: 'exact' },
    tags: ['housing', 'elders'],
    supporters: { count: 151, goal: 400 },
    endsAt: '2027-12-31T23:59:00Z',
    organiser: { name: 'Wohnprojekt Stühlinger (in Gründung)' },
    source: DECIDIM_FREIBURG,
    language: 'de',
  },
  {
    id: 'dreisam-bachpatenschaft',
    title: 'Bachpatenschaft für die Dreisam bei Kirchzarten',
    summary:
      'Wir kümmern uns um einen Abschnitt der Dreisam: Müll sammeln, Neophyten entfernen und einmal im Monat die Wasserqualität messen. Neue Patinnen und Paten sind willkommen.',
    url: 'https://decidim-freiburg.example.de/initiatives/dreisam-bachpatenschaft',
    status: 'active',
    place: { lat: 47.9655, lng: 7.9515, address: 'Dreisamufer, 79199 Kirchzarten', precision: 'exact' },
    tags: ['water', 'nature'],
    supporters: { count: 52, goal: 80 },
    organiser: { name: 'Bachpaten Dreisamtal' },
    source: DECIDIM_FREIBURG,
    language: 'de',
  },
  {
    id: 'herdern-nachbarschaftshilfe',
    title: 'Nachbarschaftshilfe Herdern',
    summary:
      'Einen Sommer lang haben Freiwillige älteren Nachbarinnen und Nachbarn beim Einkaufen, bei Arztbesuchen und im Garten geholfen. Das Pilotprojekt ist abgeschlossen, der Abschlussbericht ist online.',
    url: 'https://decidim-freiburg.example.de/initiatives/herdern-nachbarschaftshilfe',
    status: 'completed',
    place: { lat: 48.0095, lng: 7.8555, address: 'Herdern, 79104 Freiburg im Breisgau', precision: 'exact' },
    tags: ['elders', 'mutual-aid'],
    supporters: { count: 89 },
    startsAt: '2026-06-01T08:00:00Z',
    endsAt: '2026-09-30T18:00:00Z',
    organiser: { name: 'Nachbarschaftsnetz Herdern' },
    source: DECIDIM_FREIBURG,
    language: 'de',
  },
  {
    id: 'gundelfingen-balcony-solar',
    title: 'Balcony solar panels for tenants in Gundelfingen',
    summary:
      'We help tenants install plug-in solar modules on their balconies, from the conversation with the landlord to registration with the grid operator. Ordering together makes the modules cheaper.',
    url: 'https://decidim-freiburg.example.de/initiatives/gundelfingen-balcony-solar',
    status: 'active',
    place: { lat: 48.043, lng: 7.865, address: '79194 Gundelfingen', precision: 'exact' },
    tags: ['energy', 'housing'],
    supporters: { count: 133, goal: 200 },
    organiser: { name: 'Energiewende-Gruppe Gundelfingen' },
    source: DECIDIM_FREIBURG,
    language: 'en',
    machineTranslated: true,
  },
  {
    id: 'schauinsland-youth-nature-camp',
    title: 'Nature camp for young people on the Schauinsland',
    summary:
      'For two weeks in the summer holidays, young people aged 12 to 16 explore the mountain forest, build nesting boxes and sleep in tents. Registration for this year is closed.',
    url: 'https://decidim-freiburg.example.de/initiatives/schauinsland-youth-nature-camp',
    status: 'closed',
    place: { lat: 47.911, lng: 7.897, address: 'Schauinsland, Freiburg im Breisgau', precision: 'area' },
    tags: ['youth', 'nature'],
    supporters: { count: 45, goal: 60 },
    startsAt: '2026-07-20T09:00:00Z',
    endsAt: '2026-07-31T16:00:00Z',
    organiser: { name: 'Jugend-Naturcamp Schauinsland' },
    source: DECIDIM_FREIBURG,
    language: 'en',
    machineTranslated: true,
  },

  // ──────────────────────────── Valencia, ES (39.470, -0.376) ────────────────────────────
  {
    id: 'huerto-benimaclet',
    title: 'Huerto urbano de Benimaclet',
    summary:
      'Vecinas y vecinos cultivamos desde hace años un solar abandonado junto a la huerta. Pedimos apoyo para que el Ayuntamiento garantice su uso comunitario a largo plazo.',
    url: 'https://transition-map.example.net/initiatives/huerto-benimaclet',
    status: 'active',
    place: { lat: 39.4855, lng: -0.36, address: 'Benimaclet, 46020 València', precision: 'exact' },
    tags: ['food-growing', 'nature'],
    supporters: { count: 312, goal: 400 },
    organiser: { name: 'Colectivo Huerto de Benimaclet' },
    source: TRANSITION_MAP,
    language: 'es',
  },
  {
    id: 'cabanyal-taller-bici',
    title: 'Taller de bicicletas autogestionado en el Cabanyal',
    summary:
      'Un espacio abierto dos tardes por semana donde aprender a reparar tu bici con herramientas compartidas y piezas recuperadas.',
    url: 'https://transition-map.example.net/initiatives/cabanyal-taller-bici',
    status: 'active',
    place: { lat: 39.469, lng: -0.3305, address: 'El Cabanyal, 46011 València', precision: 'exact' },
    tags: ['cycling', 'repair'],
    supporters: { count: 71, goal: 100 },
    organiser: { name: 'Colectivo Bici Cabanyal' },
    source: TRANSITION_MAP,
    language: 'es',
  },
  {
    id: 'albufera-agua-limpia',
    title: "Vigilancia ciudadana del agua en L'Albufera",
    summary:
      'Personas voluntarias toman muestras cada mes en acequias y canales para medir nitratos y turbidez, y publican los datos en abierto.',
    url: 'https://transition-map.example.net/initiatives/albufera-agua-limpia',
    status: 'active',
    place: { lat: 39.316, lng: -0.329, address: 'El Palmar, València', precision: 'area' },
    tags: ['water', 'nature'],
    supporters: { count: 188, goal: 250 },
    startsAt: '2027-01-01T09:00:00Z',
    endsAt: '2027-12-31T18:00:00Z',
    organiser: { name: 'Red Ciudadana Albufera Viva' },
    source: TRANSITION_MAP,
    language: 'es',
  },
  {
    id: 'ruzafa-mercado-km0',
    title: 'Mercado de productores km 0 en Ruzafa',
    summary:
      "Durante el verano, agricultores de l'Horta vendieron sus productos directamente cada sábado en la plaza. La prueba piloto ha terminado y estamos evaluando los resultados.",
    url: 'https://transition-map.example.net/initiatives/ruzafa-mercado-km0',
    status: 'completed',
    place: { lat: 39.4625, lng: -0.3745, address: 'Ruzafa, 46006 València', precision: 'exact' },
    tags: ['local-economy', 'food-growing'],
    supporters: { count: 240 },
    startsAt: '2026-06-06T08:00:00Z',
    endsAt: '2026-10-31T14:00:00Z',
    organiser: { name: 'Cooperativa Horta i Barri' },
    source: TRANSITION_MAP,
    language: 'es',
  },
  {
    id: 'burjassot-mayores-digitales',
    title: 'Acompañamiento digital para personas mayores en Burjassot',
    summary:
      'Jóvenes voluntarios ayudarán a personas mayores a usar el móvil, pedir cita médica por internet y hacer videollamadas con la familia.',
    url: 'https://transition-map.example.net/initiatives/burjassot-mayores-digitales',
    status: 'proposed',
    place: { lat: 39.509, lng: -0.413, address: '46100 Burjassot', precision: 'exact' },
    tags: ['elders', 'youth'],
    supporters: { count: 18, goal: 50 },
    startsAt: '2027-02-01T16:00:00Z',
    organiser: { name: 'Asociación Juvenil Burjassot Connecta' },
    source: TRANSITION_MAP,
    language: 'es',
  },
  {
    id: 'torrent-comunidad-energetica',
    title: 'Comunidad energética de barrio en Torrent',
    summary:
      'Proponemos instalar placas solares en tejados públicos y compartir la energía con los hogares del barrio, con prioridad para familias en situación de pobreza energética.',
    url: 'https://transition-map.example.net/initiatives/torrent-comunidad-energetica',
    status: 'active',
    place: { lat: 39.437, lng: -0.465, address: '46900 Torrent', precision: 'exact' },
    tags: ['energy', 'housing', 'mutual-aid'],
    supporters: { count: 97, goal: 150 },
    endsAt: '2027-06-30T23:59:00Z',
    organiser: { name: 'Comunitat Energètica Torrent' },
    source: TRANSITION_MAP,
    language: 'es',
  },

  // ────────────────────────────── Lyon, FR (45.764, 4.835) ──────────────────────────────
  {
    id: 'croix-rousse-ressourcerie',
    title: 'Ressourcerie de quartier à la Croix-Rousse',
    summary:
      'Nous collectons objets, vêtements et meubles, les réparons et les revendons à petit prix. Un atelier de réparation ouvert à toutes et à tous a lieu chaque mercredi.',
    url: 'https://transition-map.example.net/initiatives/croix-rousse-ressourcerie',
    status: 'active',
    place: { lat: 45.7748, lng: 4.8295, address: 'Croix-Rousse, 69004 Lyon', precision: 'exact' },
    tags: ['repair', 'local-economy'],
    supporters: { count: 180, goal: 250 },
    organiser: { name: 'Collectif Ressources Croix-Rousse', url: 'https://ressources-croix-rousse.example.org' },
    source: TRANSITION_MAP,
    language: 'fr',
  },
  {
    id: 'guillotiere-cantine-solidaire',
    title: 'Cantine solidaire de la Guillotière',
    summary:
      'Des repas chauds à prix libre trois midis par semaine, cuisinés avec les invendus des marchés. Bénévoles bienvenus en cuisine comme en salle.',
    url: 'https://transition-map.example.net/initiatives/guillotiere-cantine-solidaire',
    status: 'active',
    place: { lat: 45.7552, lng: 4.8435, address: 'La Guillotière, 69007 Lyon', precision: 'exact' },
    tags: ['mutual-aid'],
    supporters: { count: 143 },
    organiser: { name: 'Association Table Ouverte Guillotière' },
    source: TRANSITION_MAP,
    language: 'fr',
  },
  {
    id: 'villeurbanne-velo-ecole',
    title: 'Vélo-école pour adultes à Villeurbanne',
    summary:
      'Apprendre à faire du vélo ou reprendre confiance en ville, en petits groupes, avec des bénévoles formés. Vélos et casques prêtés.',
    url: 'https://transition-map.example.net/initiatives/villeurbanne-velo-ecole',
    status: 'active',
    place: { lat: 45.771, lng: 4.88, address: '69100 Villeurbanne', precision: 'exact' },
    tags: ['cycling'],
    supporters: { count: 58, goal: 80 },
    startsAt: '2027-03-06T09:00:00Z',
    endsAt: '2027-06-26T12:00:00Z',
    organiser: { name: 'Vélo-école Villeurbanne' },
    source: TRANSITION_MAP,
    language: 'fr',
  },
  {
    id: 'confluence-jardin-partage',
    title: 'Jardin partagé sur les berges de la Confluence',
    summary:
      "Le projet de jardin partagé n'a pas obtenu l'accord pour le terrain visé. Merci à toutes les personnes qui l'ont soutenu ; l'équipe cherche un autre lieu.",
    url: 'https://transition-map.example.net/initiatives/confluence-jardin-partage',
    status: 'closed',
    place: { lat: 45.7405, lng: 4.8185, address: 'Confluence, 69002 Lyon', precision: 'exact' },
    tags: ['food-growing', 'nature', 'water'],
    supporters: { count: 66, goal: 120 },
    endsAt: '2026-09-15T23:59:00Z',
    organiser: { name: 'Les Jardiniers de la Confluence' },
    source: TRANSITION_MAP,
    language: 'fr',
  },
  {
    id: 'vaulx-habitat-participatif',
    title: 'Habitat participatif intergénérationnel à Vaulx-en-Velin',
    summary:
      "Un groupe d'habitants conçoit un immeuble partagé où jeunes ménages et personnes âgées vivent côte à côte, avec une salle commune et un potager.",
    url: 'https://transition-map.example.net/initiatives/vaulx-habitat-participatif',
    status: 'proposed',
    place: { lat: 45.779, lng: 4.92, address: '69120 Vaulx-en-Velin', precision: 'area' },
    tags: ['housing', 'elders', 'youth'],
    supporters: { count: 34, goal: 100 },
    organiser: { name: 'Coopérative Habiter Ensemble Vaulx' },
    source: TRANSITION_MAP,
    language: 'fr',
  },
  {
    id: 'oullins-fete-de-quartier',
    title: 'Fête de quartier et chorale ouverte à Oullins',
    summary:
      'Deux jours de concerts, d’ateliers et de chants partagés dans le parc. Merci aux 400 participants, et à l’année prochaine !',
    status: 'completed',
    place: { lat: 45.714, lng: 4.807, address: '69600 Oullins', precision: 'exact' },
    tags: ['arts'],
    startsAt: '2026-06-20T10:00:00Z',
    endsAt: '2026-06-21T22:00:00Z',
    organiser: { name: 'Comité des fêtes du Bas-Oullins' },
    source: TRANSITION_MAP,
    language: 'fr',
  },

  // ──────────────────────────────────── Online only ────────────────────────────────────
  {
    id: 'seed-swap-by-post',
    title: 'Seed swap by post',
    summary:
      'Send a padded envelope of your saved seeds and get a mixed packet back from other growers. Open to gardeners anywhere, with a focus on open-pollinated varieties.',
    url: 'https://transition-map.example.net/initiatives/seed-swap-by-post',
    status: 'active',
    tags: ['food-growing'],
    supporters: { count: 402, goal: 500 },
    organiser: { name: 'Seed Sharing Network', url: 'https://seed-sharing.example.org' },
    source: TRANSITION_MAP,
    language: 'en',
  },
  {
    id: 'energy-advice-by-video',
    title: 'Volunteer energy advice by video call',
    summary:
      'Trained volunteers help you read your bills, switch tariffs and find grants for insulation, in a friendly half-hour video call. Priority for older and housebound people.',
    url: 'https://civic-square.example.org/initiatives/energy-advice-by-video',
    status: 'active',
    tags: ['energy', 'elders', 'mutual-aid'],
    supporters: { count: 75, goal: 100 },
    startsAt: '2026-11-01T09:00:00Z',
    endsAt: '2027-03-31T17:00:00Z',
    organiser: { name: 'Warm Homes Helpline Volunteers' },
    source: CIVIC_SQUARE,
    language: 'en',
  },
];

/** Ranked ballots for the garden-site poll: first-past-the-post and instant-runoff disagree. */
const GARDEN_BALLOTS: string[][] = [
  ['school-field', 'park-corner', 'railway-verge', 'parish-hall'],
  ['school-field', 'park-corner'],
  ['school-field', 'railway-verge', 'park-corner'],
  ['school-field', 'parish-hall', 'park-corner', 'railway-verge'],
  ['school-field', 'park-corner', 'parish-hall'],
  ['school-field'],
  ['school-field', 'railway-verge'],
  ['park-corner', 'school-field', 'railway-verge'],
  ['park-corner', 'railway-verge', 'school-field', 'parish-hall'],
  ['park-corner', 'parish-hall'],
  ['park-corner', 'school-field'],
  ['park-corner', 'railway-verge', 'parish-hall', 'school-field'],
  ['park-corner'],
  ['railway-verge', 'park-corner', 'school-field'],
  ['railway-verge', 'park-corner'],
  ['railway-verge', 'park-corner', 'parish-hall'],
  ['railway-verge', 'school-field', 'park-corner', 'parish-hall'],
  ['parish-hall', 'park-corner', 'school-field'],
  ['parish-hall', 'park-corner'],
  ['parish-hall', 'railway-verge', 'park-corner'],
];

/** First-preference counts, with every option present (zero when nobody ranked it first). */
function firstPreferences(optionIds: string[], ballots: string[][]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(optionIds.map((o) => [o, 0]));
  for (const ballot of ballots) {
    const first = ballot[0];
    if (first !== undefined) counts[first] = (counts[first] ?? 0) + 1;
  }
  return counts;
}

export const DEMO_POLLS: PollInput[] = [
  {
    id: 'first-project',
    question: 'Which project should our new neighbourhood group take on first?',
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
    opensAt: '2026-11-01T09:00:00Z',
    closesAt: '2027-03-01T23:59:00Z',
    status: 'open',
    resultsVisibility: 'always',
    language: 'en',
  },
  {
    id: 'budget-priorities',
    question: 'How should we spend this year’s £5,000 community budget?',
    description: 'Pick up to two priorities. You can change your vote until the poll closes.',
    kind: 'multiple',
    maxChoices: 2,
    options: [
      { id: 'bike-parking', label: 'Secure bike parking' },
      { id: 'park-benches', label: 'Benches and shade in the park' },
      { id: 'youth-club', label: 'Youth club equipment' },
      { id: 'food-bank', label: 'A top-up for the food bank' },
      { id: 'solar-lights', label: 'Solar lighting on the canal path' },
    ],
    results: {
      counts: { 'bike-parking': 46, 'park-benches': 35, 'youth-club': 27, 'food-bank': 31, 'solar-lights': 22 },
      voters: 87,
    },
    opensAt: '2026-11-10T09:00:00Z',
    closesAt: '2027-01-31T23:59:00Z',
    status: 'open',
    resultsVisibility: 'after-vote',
    allowChange: true,
    language: 'en',
  },
  {
    id: 'meeting-night',
    question: 'Which evening suits you best for the monthly meeting?',
    kind: 'single',
    options: [
      { id: 'monday', label: 'Monday' },
      { id: 'tuesday', label: 'Tuesday' },
      { id: 'wednesday', label: 'Wednesday' },
      { id: 'thursday', label: 'Thursday' },
    ],
    results: {
      counts: { monday: 12, tuesday: 31, wednesday: 18, thursday: 25 },
      voters: 86,
    },
    opensAt: '2026-09-01T09:00:00Z',
    closesAt: '2026-10-01T09:00:00Z',
    status: 'closed',
    resultsVisibility: 'always',
    language: 'en',
  },
  {
    id: 'community-garden-site',
    question: 'Where should the new community garden go?',
    description: 'Rank the sites in order of preference. You do not have to rank all of them.',
    kind: 'ranked',
    options: [
      { id: 'school-field', label: 'Corner of the primary school field' },
      { id: 'parish-hall', label: 'Unused land behind the parish hall' },
      { id: 'railway-verge', label: 'The old railway verge' },
      { id: 'park-corner', label: 'North-east corner of the park' },
    ],
    results: {
      counts: firstPreferences(['school-field', 'parish-hall', 'railway-verge', 'park-corner'], GARDEN_BALLOTS),
      voters: GARDEN_BALLOTS.length,
      ballots: GARDEN_BALLOTS,
    },
    opensAt: '2026-11-15T09:00:00Z',
    closesAt: '2026-12-20T23:59:00Z',
    status: 'open',
    resultsVisibility: 'always',
    language: 'en',
  },
  {
    id: 'solar-coop-name',
    question: 'What should we call the new solar co-op?',
    description: 'The Totnes community energy group is setting up a co-op for its next roofs. Voting opens in January.',
    kind: 'single',
    options: [
      { id: 'dart-valley-sun', label: 'Dart Valley Sun' },
      { id: 'totnes-light-and-power', label: 'Totnes Light & Power' },
      { id: 'sunny-side-up', label: 'Sunny Side Up Energy' },
      { id: 'river-town-solar', label: 'River Town Solar' },
    ],
    results: {
      counts: { 'dart-valley-sun': 0, 'totnes-light-and-power': 0, 'sunny-side-up': 0, 'river-town-solar': 0 },
      voters: 0,
    },
    opensAt: '2027-01-15T09:00:00Z',
    closesAt: '2027-02-15T23:59:00Z',
    status: 'scheduled',
    resultsVisibility: 'after-close',
    language: 'en',
  },
];

/** Small deterministic PRNG (mulberry32), so the demo people are the same on every load. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generatePeople(): { lat: number; lng: number; interests: string[] }[] {
  const random = mulberry32(20261128);
  const allInterests = DEMO_INTERESTS.map((i) => i.id);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  // Each town gets a share of people and a few interests that are more common there.
  const towns = [
    { lat: 51.454, lng: -2.587, people: 34, favourites: ['repair', 'cycling', 'mutual-aid', 'arts'] },
    { lat: 50.431, lng: -3.686, people: 22, favourites: ['energy', 'food-growing', 'local-economy'] },
    { lat: 47.999, lng: 7.842, people: 24, favourites: ['energy', 'cycling', 'housing'] },
    { lat: 39.47, lng: -0.376, people: 20, favourites: ['food-growing', 'water', 'elders'] },
    { lat: 45.764, lng: 4.835, people: 20, favourites: ['repair', 'housing', 'mutual-aid'] },
  ];
  const people: { lat: number; lng: number; interests: string[] }[] = [];
  for (const town of towns) {
    for (let n = 0; n < town.people; n++) {
      // Mostly close to the centre, a few up to ~15 km out.
      const km = 15 * random() ** 1.6;
      const angle = random() * 2 * Math.PI;
      const lat = town.lat + (km * Math.cos(angle)) / 111.32;
      const lng = town.lng + (km * Math.sin(angle)) / (111.32 * Math.cos((town.lat * Math.PI) / 180));
      const wanted = 1 + Math.floor(random() * 3);
      const interests = new Set<string>();
      while (interests.size < wanted) interests.add(random() < 0.6 ? pick(town.favourites) : pick(allInterests));
      // Coarse points only: two decimals is roughly a kilometre.
      people.push({ lat: Math.round(lat * 100) / 100, lng: Math.round(lng * 100) / 100, interests: [...interests] });
    }
  }
  return people;
}

/** Anonymous people who already signed up: a coarse point and their interests, nothing personal. Used to count matches. */
export const DEMO_PEOPLE: { lat: number; lng: number; interests: string[] }[] = generatePeople();
