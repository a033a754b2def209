/**
 * The ActivityStreams adapter over what the platforms really publish: every file of
 * test/fixtures/real/<platform>/ (copied verbatim, provenance in each folder's SOURCES.md), read
 * through the adapter as a site would point it at them. Each expectation was written by hand from the
 * payload — what a person reading it would expect to see — never from what the adapter returned.
 */
import type { Initiative, Page } from '@civic-kit/core';
import { ActivityStreamsAdapter } from '@civic-kit/adapters/activitystreams';
import { expect } from '@open-wc/testing';

const REAL = new URL('/test/fixtures/real/', location.origin).href;
/** After every date in the corpus, so events and polls have ended. */
const NOW = () => new Date('2026-01-01T00:00:00Z');

const read = (file: string) => new ActivityStreamsAdapter({ url: `${REAL}${file}`, now: NOW });
const list = async (file: string): Promise<Page<Initiative>> => read(file).listInitiatives({ limit: 50 });
const only = async (file: string): Promise<Initiative> => {
  const page = await list(file);
  expect(page.items, `${file}: one initiative`).to.have.length(1);
  expect(page.warnings, `${file}: nothing left out`).to.equal(undefined);
  return page.items[0]!;
};

describe('real data: Mastodon', () => {
  it("the featured collection (an OrderedCollection of one pinned post): Lemmy's inaugural post", async () => {
    const post = await only('mastodon/featured-collection.json');
    expect(post.title.startsWith('Inaugural Post for Lemmy, a decentralized, easily self-hostable #reddit')).to.equal(
      true,
    );
    expect(post.tags).to.deep.equal(['reddit', 'fediverse', 'activitypub']);
    expect(post.url).to.equal('https://mastodon.social/@LemmyDev/104246642906910728');
    expect(post.language).to.equal('en');
    expect(post.bodyHtml, 'the post as HTML, for the sanitizer').to.contain(
      '<a href="https://github.com/LemmyNet/lemmy/"',
    );
    expect(post.status).to.equal('active');
  });

  it('a reply starts with a mention: the title is what it says, not whom it addresses', async () => {
    const post = await only('mastodon/note-reply.json');
    expect(post.title).to.equal(
      'i have never been disappointed by a thinkpad. if you want to save money, get a model from a few years ago, there isnt a huge difference anyway.',
    );
    expect(post.organiser).to.deep.equal({
      name: 'felix (mastodon.madrid)',
      url: 'https://mastodon.madrid/users/felix',
    });
  });

  it('a post with a picture: the picture keeps its alt text; a mention-only first paragraph is not the title', async () => {
    const post = await only('mastodon/note-mention.json');
    expect(post.title).to.equal(
      'We also need funding 💶 to keep the gears turning! Please support us with a donation:',
    );
    expect(post.image).to.deep.equal({
      url: 'https://cdn.masto.host/floss/media_attachments/files/113/306/826/682/985/891/original/c8d906a2f2ab2334.jpg',
      alt: 'The KDE dragons Katie and Konqi stand on either side of a pot filling up with gold coins. Donate!',
    });
  });

  it('a Create wrapping a note: the note', async () => {
    const post = await only('mastodon/create-note.json');
    expect(post.id).to.equal('https://mastodon.madrid/users/felix/statuses/107224289116410645');
  });

  it('a post behind a content warning shows the warning, never the hidden text', async () => {
    for (const file of ['mastodon/create-note-content-warning.json', 'mastodon/create-note-contentmap.json']) {
      const post = await only(file);
      expect(post.title, file).to.equal('cw');
      expect(JSON.stringify(post), `${file}: the hidden text`).not.to.contain('lain');
    }
    expect((await only('mastodon/create-note-contentmap.json')).language).to.equal('en');
  });

  it('a post whose only text is the link to its picture: shown, with the picture', async () => {
    const post = await only('mastodon/create-note-attachment.json');
    expect(post.image?.url).to.equal(
      'http://mastodon.example.org/system/media_attachments/files/000/000/002/original/334ce029e7bfb920.jpg',
    );
    expect(post.image?.alt).to.equal('');
  });

  it('a single-choice poll: four options, two votes, closed since May 2019', async () => {
    const a = read('mastodon/create-question.json');
    expect((await a.listInitiatives({})).items, 'a poll is not an initiative').to.have.length(0);
    const poll = await a.getPoll('https://mastodon.sdf.org/users/rinpatch/statuses/102070944809637304');
    expect(poll.question).to.equal('Why is Tenshi eating a corndog so cute?');
    expect(poll.kind).to.equal('single');
    expect(poll.options.map((o) => o.label)).to.deep.equal([
      'Dunno',
      'Everyone knows that!',
      '25 char limit is dumb',
      "I can't even fit a funny",
    ]);
    expect(poll.results?.voters).to.equal(2);
    expect(poll.status).to.equal('closed');
    expect(poll.closesAt).to.equal('2019-05-11T09:03:36Z');
    expect(poll.language).to.equal('en');
  });

  it('a boost of a post on another server: nothing to show, and the page says one was left out', async () => {
    const page = await list('mastodon/announce.json');
    expect(page.items).to.have.length(0);
    expect(page.warnings).to.have.length(1);
    expect(page.warnings![0]).to.include({ source: 'localhost:' + location.port, skipped: 1 });
    expect(page.warnings![0]!.message).to.contain('boost');
  });
});

describe('real data: Pleroma', () => {
  it('three notes, each titled by its text (mentions aside), none in the "und" language', async () => {
    const a = await only('pleroma/info.pleroma.site-activity.json');
    expect(a.title).to.equal('this post was not actually written by Haelwenn');
    const b = await only('pleroma/note.json');
    expect(b.title).to.equal('Have what?');
    expect(b.language).to.equal(undefined);
    const c = await only('pleroma/create-note.json');
    expect(c.title).to.equal('test');
    expect(c.language).to.equal(undefined);
  });
});

describe('real data: Misskey', () => {
  it('a poll without an end date: open, its question without the "view results remotely" link', async () => {
    const poll = await read('misskey/poll-no-end-date.json').getPoll('https://skippers-bin.com/notes/7x9tmrp97i');
    expect(poll.question).to.equal('How are your notifications now?');
    expect(poll.options.map((o) => o.label)).to.deep.equal(['Working', 'Broken af']);
    expect(poll.results?.counts).to.deep.equal({ Working: 0, 'Broken af': 1 });
    expect(poll.status).to.equal('open');
  });

  it('a note in Japanese', async () => {
    const note = await only('misskey/misskey.io-note.json');
    expect(note.title).to.equal('Fantiaこれできないように過去のやつは従量課金だった気がする');
  });
});

describe('real data: Lemmy', () => {
  it("a community's outbox: two posts, each announced by the community", async () => {
    const page = await list('lemmy/group-outbox.json');
    expect(page.items.map((i) => i.title).sort()).to.deep.equal(['another outbox test', 'outbox test']);
    expect(page.warnings).to.equal(undefined);
  });

  it('posts (Page) keep their title, French language and picture', async () => {
    const post = await only('lemmy/page.json');
    expect(post.title).to.equal('Post title');
    expect(post.summary).to.equal('This is a post in the /c/tenforward community');
    expect(post.language).to.equal('fr');
    expect(post.image?.url).to.equal('https://enterprise.lemmy.ml/pictrs/image/eOtYb9iEiB.png');
    const both = await only('lemmy/page-image-and-link.json');
    expect(both.title).to.equal('Post with image and link');
    expect(both.image?.url).to.equal('https://enterprise.lemmy.ml/pictrs/image/eOtYb9iEiB.png');
  });
});

describe('real data: PeerTube and Funkwhale', () => {
  it('videos are shown with their name, watch page, thumbnail and language; markdown stays text', async () => {
    const video = await only('peertube/video.json');
    expect(video.title).to.equal(
      'Mesa, Wayland & X.org in trouble, Debian leaves X, Facebook blocks Linux: Linux & Open Source News',
    );
    expect(video.url).to.equal('https://tilvids.com/videos/watch/e7946124-7b72-4ad7-9d22-844a84bb2de1');
    expect(video.image?.url).to.equal(
      'https://tilvids.com/lazy-static/thumbnails/904efceb-0715-476f-b0dc-b5fba6769851.jpg',
    );
    expect(video.language).to.equal('en');
    expect(video.bodyHtml).to.equal(undefined);
    const frama = await only('peertube/framatube.org-video.json');
    expect(frama.title).to.equal('Déframasoftisons Internet [Framasoft]');
    expect(frama.url).to.equal('https://framatube.org/videos/watch/6050732a-8a7a-43d4-a6cd-809525a1d206');
  });

  it('a track is shown with its name, hashtags and page (not the audio stream)', async () => {
    for (const file of ['funkwhale/audio.json', 'funkwhale/create-audio.json']) {
      const track = await only(file);
      expect(track.title, file).to.equal('Compositions - Test Audio for Pleroma');
      expect(track.tags, file).to.deep.equal(['funkwhale', 'test', 'tests']);
      expect(track.url, file).to.equal('https://channels.tests.funkwhale.audio/library/tracks/74');
    }
  });
});

describe('real data: Mobilizon', () => {
  it('the 2019 launch party in Nantes: its swapped coordinates put right, over since 2019', async () => {
    const party = await only('mobilizon/event-2019.json');
    expect(party.title).to.equal('Mobilizon Launching Party');
    expect(party.place?.lat).to.be.closeTo(47.2162, 0.001);
    expect(party.place?.lng).to.be.closeTo(-1.5494, 0.001);
    expect(party.place?.address).to.contain('Cour du Château des Ducs de Bretagne');
    expect(party.place?.address).to.contain('Nantes');
    expect(party.status).to.equal('completed');
    expect(party.summary?.startsWith('Mobilizon is now federated! 🎉')).to.equal(true);
  });

  it('a dance class near Exeter (current converter): numeric coordinates, English, no "Banner" alt text', async () => {
    const dance = await only('mobilizon/event.json');
    expect(dance.title).to.equal('Caledonian scottish dance class');
    expect(dance.place?.lat).to.be.closeTo(50.6688, 0.001);
    expect(dance.place?.lng).to.be.closeTo(-3.5377, 0.001);
    expect(dance.place?.address).to.contain('The Kenn Centre');
    expect(dance.place?.address).to.contain('EX6 7TW');
    expect(dance.language).to.equal('en');
    expect(dance.image?.alt).to.equal('');
    expect(dance.tags).to.deep.equal(['Dance', 'Caledonian', 'Lesson']);
    expect(dance.summary?.startsWith('£6 each.')).to.equal(true);
    expect(dance.bodyHtml).to.contain('<a target="_blank"');
    expect(dance.startsAt).to.equal('2022-12-11T19:00:00+00:00');
    expect(dance.status).to.equal('completed');
  });

  it('a group: its description, and no place (its address is empty)', async () => {
    const group = await only('mobilizon/group.json');
    expect(group.title).to.equal('Contribateliers');
    expect(group.summary).to.equal('Des ateliers pour contribuer au libre sans rien y connaître.');
    expect(group.place).to.equal(undefined);
    expect(group.address).to.equal(undefined);
  });
});

describe('real data: Gancio', () => {
  it('the demo event at the Colosseum: a place without a pin, its hashtag, over', async () => {
    const event = await only('gancio/create-event.json');
    expect(event.title).to.equal('Demo event');
    expect(event.place, 'Gancio sent no coordinates').to.equal(undefined);
    expect(event.address).to.equal('Colosseo');
    expect(event.tags).to.deep.equal(['test']);
    expect(event.startsAt).to.equal('2021-07-14T17:30:57+02:00');
    expect(event.status).to.equal('completed');
  });
});
