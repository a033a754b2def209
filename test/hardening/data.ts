/**
 * Data the harness renders: every field filled, no request to any other host (images are same-origin
 * assets; links to other hosts are only `href`s, which load nothing until followed).
 */
import type { InitiativeInput, MemoryData, PollInput } from '@civic-kit/core';
import type { StateContext } from './types.js';

export const long = 'Neighbourhood-led-regeneration-and-participatory-budgeting-pilot';

export function fullInitiative(ctx: StateContext, id = 'repair-cafe'): InitiativeInput {
  return {
    id,
    title: 'Easton Repair Café',
    summary: 'Bring broken toasters, lamps, clothes and bikes; volunteer fixers repair them with you, for free.',
    url: 'https://civic-square.example.org/initiatives/repair-cafe',
    image: { url: ctx.asset('repair-cafe.svg'), alt: 'Volunteers at a long table fixing a toaster and a lamp' },
    status: 'active',
    place: { lat: 51.4627, lng: -2.5626, address: 'Easton Community Centre, Bristol BS5', precision: 'exact' },
    tags: ['repair', 'local-economy'],
    supporters: { count: 214, goal: 300 },
    startsAt: '2026-03-07T10:00:00Z',
    endsAt: '2030-03-04T16:00:00Z',
    organiser: { name: 'Bristol Repair Collective', url: 'https://repair-collective.example.org' },
    source: { name: 'Bristol Civic Square', url: 'https://civic-square.example.org' },
    language: 'en',
  };
}

export function longInitiative(ctx: StateContext): InitiativeInput {
  return {
    ...fullInitiative(ctx, 'long'),
    title: `A very long initiative title that keeps going well past any sensible length ${long}`,
    summary: `${'This summary is far too long for a card, so the card must clamp it rather than grow. '.repeat(8)}${long}`,
    place: { lat: 51.45, lng: -2.58, address: `Unit 14b, The Old Tobacco Factory Annexe, ${long}`, precision: 'area' },
    tags: ['repair', 'mutual-aid', 'community-energy', 'cycling-and-walking', long],
    supporters: { count: 1_234_567, goal: 2_000_000 },
    organiser: { name: `The Southville Community Association (${long})`, url: 'https://example.org' },
    source: { name: `Bristol Civic Square — ${long}`, url: 'https://civic-square.example.org' },
  };
}

export const arabicInitiative: InitiativeInput = {
  id: 'easton-repair-cafe-ar',
  title: 'مقهى الإصلاح في إيستون',
  summary: 'أحضروا أجهزتكم المعطلة وملابسكم ودراجاتكم في أول سبت من كل شهر.',
  status: 'proposed',
  tags: ['إصلاح'],
  supporters: { count: 12, goal: 50 },
  language: 'ar',
};

export const minimalInitiative: InitiativeInput = {
  id: 'minimal',
  title: 'Street party on Chelsea Road',
  status: 'proposed',
};

export const goalReachedInitiative: InitiativeInput = {
  id: 'goal-reached',
  title: 'Community orchard',
  status: 'completed',
  supporters: { count: 420, goal: 400 },
  endsAt: '2024-05-01T10:00:00Z',
};

export const translatedInitiative: InitiativeInput = {
  id: 'lastenrad',
  title: 'Freies Lastenrad für die Wiehre',
  summary: 'Ein Lastenrad, das alle im Viertel kostenlos ausleihen können.',
  status: 'active',
  language: 'de',
  machineTranslated: true,
};

export const poll: PollInput = {
  id: 'first-project',
  question: 'Which project should the neighbourhood fund first?',
  description: 'One vote per household; results are shown as numbers and bars.',
  kind: 'single',
  options: [
    { id: 'benches', label: 'Benches on Chelsea Road' },
    { id: 'trees', label: 'Street trees' },
    { id: 'bikes', label: 'Cycle hangar' },
  ],
  results: { counts: { benches: 12, trees: 30, bikes: 7 }, voters: 49 },
  status: 'open',
  resultsVisibility: 'always',
};

export const multiplePoll: PollInput = {
  id: 'priorities',
  question: 'Which two things matter most to you on Chelsea Road?',
  kind: 'multiple',
  maxChoices: 2,
  options: [
    { id: 'crossing', label: 'A safe crossing by the school' },
    { id: 'bins', label: 'More bins' },
    { id: 'lights', label: 'Street lights that work' },
  ],
  results: { counts: { crossing: 20, bins: 5, lights: 11 }, voters: 24 },
  status: 'open',
  resultsVisibility: 'after-vote',
};

export const rankedPoll: PollInput = {
  id: 'garden-site',
  question: 'Where should the community garden go? Rank the sites.',
  kind: 'ranked',
  options: [
    { id: 'park', label: 'North-east corner of the park' },
    { id: 'school', label: 'Corner of the primary school field' },
    { id: 'hall', label: 'Land behind the parish hall' },
  ],
  results: {
    counts: { park: 3, school: 4, hall: 2 },
    voters: 9,
    ballots: [
      ['park', 'school'],
      ['park', 'hall'],
      ['park'],
      ['school', 'park'],
      ['school', 'park'],
      ['school'],
      ['school', 'hall'],
      ['hall', 'park'],
      ['hall', 'park'],
    ],
  },
  status: 'open',
};

export const closedPoll: PollInput = {
  ...poll,
  id: 'closed-poll',
  question: 'Should the summer fair move to the park?',
  options: [
    { id: 'yes', label: 'Yes' },
    { id: 'no', label: 'No' },
  ],
  results: { counts: { yes: 40, no: 12 }, voters: 52 },
  status: 'closed',
  closesAt: '2025-06-01T12:00:00Z',
};

export const scheduledPoll: PollInput = {
  ...poll,
  id: 'scheduled-poll',
  question: 'Which day suits the street party?',
  options: [
    { id: 'sat', label: 'Saturday' },
    { id: 'sun', label: 'Sunday' },
  ],
  results: undefined,
  status: 'scheduled',
  opensAt: '2099-01-01T09:00:00Z',
  resultsVisibility: 'after-close',
};

export const votedPoll: PollInput = { ...poll, id: 'voted-poll', myBallot: { choices: ['trees'] } };

/** A memory adapter's seed with everything above (and nothing from any other host). */
export function harnessData(ctx: StateContext): MemoryData {
  return {
    initiatives: [
      fullInitiative(ctx),
      longInitiative(ctx),
      arabicInitiative,
      minimalInitiative,
      goalReachedInitiative,
      translatedInitiative,
    ],
    polls: [poll, multiplePoll, rankedPoll, closedPoll, scheduledPoll],
    interests: [
      { id: 'repair', label: 'Repair' },
      { id: 'food', label: 'Food growing' },
    ],
    people: [{ lat: 51.46, lng: -2.56, interests: ['repair'] }],
    places: { bristol: { lat: 51.454, lng: -2.587 }, bs5: { lat: 51.463, lng: -2.56 } },
  };
}
