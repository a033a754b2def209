/**
 * What the reference server publishes (as2-publish.ts), read back by the ActivityStreams adapter:
 * the same initiative and poll come back, so the REST contract and the AS2 output describe one object.
 * Expectations are written out by hand.
 */
import type { Initiative, Poll } from '@civic-kit/core';
import { expect } from '@open-wc/testing';
import { initiativeToAs2, pollToQuestion } from './as2-publish.js';
import { ActivityStreamsAdapter } from './index.js';

const ORIGIN = 'https://civic.example';
const ACTOR = `${ORIGIN}/ap/communities/town`;
const options = (id: string) => ({
  id: `${ORIGIN}/ap/${id}`,
  actor: ACTOR,
  followers: `${ACTOR}/followers`,
  contextUrl: `${ORIGIN}/ns/civic-kit.jsonld`,
});
const reader = () =>
  new ActivityStreamsAdapter({
    url: `${ACTOR}/outbox`,
    source: { name: 'Town', url: `${ORIGIN}/` },
    now: () => new Date('2030-01-01T00:00:00Z'),
  });

describe('as2-publish', () => {
  it('publishes an initiative with dates and a place as an Event, and reads it back the same', () => {
    const initiative: Initiative = {
      id: 'repair-cafe',
      title: 'Repair café',
      summary: 'Bring what is broken.',
      body: 'Every second Saturday.\n\nTools provided.',
      status: 'active',
      place: { lat: 50.85, lng: 4.35, address: 'Main Street 1', precision: 'exact' },
      tags: ['repair'],
      supporters: { count: 12, goal: 20 },
      startsAt: '2031-05-10T14:00:00Z',
      endsAt: '2031-05-10T17:00:00Z',
      url: 'https://town.example/repair',
      machineTranslated: false,
    };
    const as2 = initiativeToAs2(initiative, options('initiatives/repair-cafe'));
    expect(as2.type).to.equal('Event');
    expect(as2.location).to.deep.equal({
      type: 'Place',
      name: 'Main Street 1',
      address: 'Main Street 1',
      latitude: 50.85,
      longitude: 4.35,
    });
    expect(as2.supporters).to.equal(12);
    expect(as2.supportersGoal).to.equal(20);
    expect(as2.content).to.equal('<p>Every second Saturday.</p><p>Tools provided.</p>');

    const back = reader().mapObject(as2);
    expect(back).to.deep.equal({
      initiative: {
        id: `${ORIGIN}/ap/initiatives/repair-cafe`,
        title: 'Repair café',
        summary: 'Bring what is broken.',
        // Paragraphs come back as lines: the adapter's rule for the text of every AS2 source.
        body: 'Every second Saturday.\n\nTools provided.',
        bodyHtml: '<p>Every second Saturday.</p><p>Tools provided.</p>',
        status: 'active',
        place: { lat: 50.85, lng: 4.35, address: 'Main Street 1', precision: 'exact' },
        tags: ['repair'],
        supporters: { count: 12, goal: 20 },
        startsAt: '2031-05-10T14:00:00Z',
        endsAt: '2031-05-10T17:00:00Z',
        url: 'https://town.example/repair',
        organiser: { name: 'town (civic.example)', url: ACTOR },
        source: { name: 'Town', url: `${ORIGIN}/` },
        machineTranslated: false,
      },
    });
  });

  it('publishes an initiative without dates as a Page, keeping its status', () => {
    const as2 = initiativeToAs2(
      { id: 'garden', title: 'Community garden', status: 'proposed', tags: [], machineTranslated: false },
      options('initiatives/garden'),
    );
    expect(as2.type).to.equal('Page');
    const back = reader().mapObject(as2) as { initiative: Initiative };
    expect(back.initiative.title).to.equal('Community garden');
    expect(back.initiative.status).to.equal('proposed');
    expect(back.initiative.url).to.equal(`${ORIGIN}/ap/initiatives/garden`);
  });

  it('publishes a single choice poll as a Question with oneOf and counts, and reads it back', () => {
    const poll: Poll = {
      id: 'benches',
      question: 'Which colour for the benches?',
      description: 'Painted in June.',
      kind: 'single',
      options: [
        { id: 'green', label: 'Green' },
        { id: 'blue', label: 'Blue' },
      ],
      results: { counts: { green: 3, blue: 1 }, voters: 4 },
      closesAt: '2031-06-01T00:00:00Z',
      status: 'open',
      resultsVisibility: 'always',
      allowChange: false,
      machineTranslated: false,
    };
    const as2 = pollToQuestion(poll, options('polls/benches'))!;
    expect(as2.type).to.equal('Question');
    expect(as2.oneOf).to.deep.equal([
      { type: 'Note', name: 'Green', replies: { type: 'Collection', totalItems: 3 } },
      { type: 'Note', name: 'Blue', replies: { type: 'Collection', totalItems: 1 } },
    ]);
    expect(as2.endTime).to.equal('2031-06-01T00:00:00Z');
    expect(as2.closed).to.equal(undefined);
    const back = reader().mapObject(as2) as { poll: Poll };
    expect(back.poll.question).to.equal('Which colour for the benches?');
    expect(back.poll.description).to.equal('Painted in June.');
    expect(back.poll.kind).to.equal('single');
    // Votes name the option, so on the fediverse an option is known by its label.
    expect(back.poll.options).to.deep.equal([
      { id: 'Green', label: 'Green' },
      { id: 'Blue', label: 'Blue' },
    ]);
    expect(back.poll.results).to.deep.equal({ counts: { Green: 3, Blue: 1 }, voters: 4 });
    expect(back.poll.status).to.equal('open');
  });

  it('publishes a closed multiple choice poll with anyOf and closed; a ranked poll not at all', () => {
    const base = {
      id: 'p',
      question: 'What next?',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
      status: 'closed' as const,
      closesAt: '2029-01-01T00:00:00Z',
      resultsVisibility: 'always' as const,
      allowChange: false,
      machineTranslated: false,
    };
    const as2 = pollToQuestion({ ...base, kind: 'multiple', maxChoices: 2 }, options('polls/p'))!;
    expect(as2.anyOf).to.have.length(2);
    expect(as2.closed).to.equal('2029-01-01T00:00:00Z');
    expect((reader().mapObject(as2) as { poll: Poll }).poll.status).to.equal('closed');
    expect(pollToQuestion({ ...base, kind: 'ranked' }, options('polls/p'))).to.equal(undefined);
  });
});
