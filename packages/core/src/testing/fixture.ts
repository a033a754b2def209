import type { InitiativeInput } from '../model.js';
import type { PollInput } from '../poll-model.js';
import type { Interest } from '../signup-model.js';

/** The data every adapter under test serves. Distances are from Bristol centre (51.454, -2.587). */
export interface ConformanceFixture {
  initiatives: InitiativeInput[];
  polls: PollInput[];
  interests: Interest[];
  /** People already signed up, as matching sees them: a point and their interests, nothing else. */
  people?: { lat: number; lng: number; interests: string[] }[];
  /** Names a sign-up may type instead of sharing a point, as shown (matched ignoring case). */
  places?: Record<string, { lat: number; lng: number }>;
}

const at = (lat: number, lng: number, address?: string) => ({ lat, lng, ...(address ? { address } : {}) });

export const CONFORMANCE_FIXTURE: ConformanceFixture = {
  initiatives: [
    {
      id: 'c-repair',
      title: 'Repair café',
      summary: 'Bring broken things; we fix them together.',
      status: 'active',
      tags: ['repair'],
      place: at(51.455, -2.59, 'Old Market'),
      supporters: { count: 10, goal: 50 },
      startsAt: '2026-01-10T10:00:00Z',
      endsAt: '2027-06-01T18:00:00Z',
    },
    {
      id: 'c-bikes',
      title: 'Bike kitchen',
      summary: 'Repair your bike with help.',
      status: 'active',
      tags: ['repair', 'cycling'],
      place: at(51.47, -2.6),
      supporters: { count: 3 },
      startsAt: '2026-03-01T09:00:00Z',
    },
    {
      id: 'c-solar',
      title: 'Solar roofs co-op',
      summary: 'Community-owned solar panels.',
      status: 'proposed',
      tags: ['energy'],
      place: at(51.5, -2.55),
      startsAt: '2025-09-01T09:00:00Z',
      endsAt: '2027-01-15T17:00:00Z',
    },
    {
      id: 'c-retrofit',
      title: 'Street retrofit',
      summary: 'Insulating terraces, street by street.',
      status: 'active',
      tags: ['energy', 'housing'],
      place: at(51.43, -2.62),
      supporters: { count: 25 },
      startsAt: '2026-05-20T09:00:00Z',
      endsAt: '2026-12-31T17:00:00Z',
    },
    {
      id: 'c-orchard',
      title: 'Community orchard',
      summary: 'Fruit trees in the park.',
      status: 'completed',
      tags: ['food'],
      place: at(51.6, -2.4),
    },
    {
      id: 'c-totnes',
      title: 'Totnes pound',
      summary: 'A local currency.',
      status: 'closed',
      tags: ['local-economy'],
      place: at(50.431, -3.686),
    },
    {
      id: 'c-online',
      title: 'Online skill share',
      summary: 'Teach and learn over video calls.',
      status: 'active',
      tags: ['skills', 'youth'],
    },
    {
      id: 'c-housing',
      title: 'Housing co-op',
      summary: 'Affordable homes, owned together.',
      status: 'active',
      tags: ['housing'],
      place: at(51.456, -2.585),
    },
  ],
  polls: [
    {
      id: 'open-single',
      question: 'Shall we open on Sundays?',
      kind: 'single',
      status: 'open',
      options: [
        { id: 'yes', label: 'Yes' },
        { id: 'no', label: 'No' },
        { id: 'unsure', label: 'Not sure' },
      ],
      results: { counts: { yes: 2, no: 1, unsure: 0 }, voters: 3 },
    },
    {
      id: 'open-multiple',
      question: 'Which two projects first?',
      kind: 'multiple',
      maxChoices: 2,
      status: 'open',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
        { id: 'c', label: 'C' },
      ],
    },
    {
      id: 'ranked-poll',
      question: 'Rank the market days',
      kind: 'ranked',
      maxChoices: 3,
      status: 'open',
      options: [
        { id: 'mon', label: 'Monday' },
        { id: 'wed', label: 'Wednesday' },
        { id: 'fri', label: 'Friday' },
        { id: 'sat', label: 'Saturday' },
      ],
      results: {
        counts: { mon: 1, wed: 1, fri: 0, sat: 0 },
        voters: 2,
        ballots: [
          ['mon', 'wed'],
          ['wed', 'mon'],
        ],
      },
    },
    {
      id: 'closed-poll',
      question: 'Which night?',
      kind: 'single',
      status: 'closed',
      closesAt: '2024-01-01T00:00:00Z',
      options: [
        { id: 'a', label: 'Monday' },
        { id: 'b', label: 'Tuesday' },
      ],
      results: { counts: { a: 4, b: 2 }, voters: 6 },
    },
  ],
  interests: [
    { id: 'repair', label: 'Repair' },
    { id: 'energy', label: 'Energy' },
    { id: 'housing', label: 'Housing' },
  ],
  people: [
    { lat: 51.456, lng: -2.588, interests: ['repair', 'energy'] },
    { lat: 51.46, lng: -2.59, interests: ['repair'] },
    { lat: 51.449, lng: -2.58, interests: ['housing'] },
    { lat: 51.5, lng: -2.55, interests: ['energy'] },
    { lat: 51.75, lng: -2.2, interests: ['repair'] },
  ],
  places: { Bristol: { lat: 51.454, lng: -2.587 }, 'BS5 0HD': { lat: 51.463, lng: -2.56 } },
};

/** What a broken backend might send: wrong types, missing required fields, out-of-range coordinates. */
export const MALFORMED_FIXTURE = {
  initiatives: [
    { id: 'ok', title: 'Fine', status: 'active' },
    { id: 42, title: null, status: 'maybe', place: { lat: 200, lng: 'west' } },
  ],
  polls: [{ id: 'open-single', question: 'Broken', kind: 'single', status: 'open', options: 'yes,no' }],
  interests: [{ id: 'repair' }],
};
