/**
 * Every story of every `stories/*.stories.ts` file, rendered the way Storybook renders it (meta args +
 * story args, `story.render ?? meta.render`, decorators), left to settle, then checked with axe (WCAG
 * 2.2 AA + best practice), and its text contrast measured in the dark colour scheme on a light page
 * and in the light scheme on a dark page (`theme="dark"` on a site that is white, and the reverse).
 * A new stories file must be added to `modules` below.
 */
import '@civic-kit/elements';
import { expect, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import type { LitElement } from 'lit';
import * as admin from '../stories/admin.stories.js';
import * as findTheOthers from '../stories/find-the-others.stories.js';
import * as guides from '../stories/guides/guides.stories.js';
import * as initiativeCard from '../stories/initiative-card.stories.js';
import type { SettledState } from '../stories/initiative-card.stories.js';
import * as initiativeList from '../stories/initiative-list.stories.js';
import * as joinedUp from '../stories/joined-up.stories.js';
import * as map from '../stories/map.stories.js';
import * as poll from '../stories/poll.stories.js';
import * as provider from '../stories/provider.stories.js';
import * as pseudoLocale from '../stories/pseudo-locale.stories.js';
import { expectAccessible } from './helpers/axe.js';
import { contrastFailures } from './helpers/contrast.js';

const modules: Record<string, Record<string, unknown>> = {
  'admin.stories.ts': admin,
  'find-the-others.stories.ts': findTheOthers,
  'guides/guides.stories.ts': guides,
  'initiative-card.stories.ts': initiativeCard,
  'initiative-list.stories.ts': initiativeList,
  'joined-up.stories.ts': joinedUp,
  'map.stories.ts': map,
  'poll.stories.ts': poll,
  'provider.stories.ts': provider,
  'pseudo-locale.stories.ts': pseudoLocale,
};

type Args = Record<string, unknown>;
interface Context {
  id: string;
  name: string;
  title: string;
  args: Args;
  argTypes: Record<string, unknown>;
  globals: Record<string, unknown>;
  parameters: Record<string, unknown>;
  viewMode: 'story';
}
type Render = (args: Args, context: Context) => unknown;
type Decorator = (story: (update?: Partial<Context>) => unknown, context: Context) => unknown;
interface Annotations {
  name?: string;
  args?: Args;
  argTypes?: Record<string, unknown>;
  parameters?: Record<string, unknown> & { civic?: { settled?: SettledState } };
  render?: Render;
  decorators?: Decorator | Decorator[];
}
interface MetaLike extends Annotations {
  title: string;
  includeStories?: string[] | RegExp;
  excludeStories?: string[] | RegExp;
}

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const matches = (name: string, rule: string[] | RegExp) =>
  Array.isArray(rule) ? rule.includes(name) : rule.test(name);
/** Storybook's id rule, so a failure names the story id to open. */
const sanitize = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
const exportToName = (key: string) =>
  key
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .replace(/^./, (c) => c.toUpperCase());

function storiesOf(mod: Record<string, unknown>): { meta: MetaLike; stories: [string, Annotations][] } {
  const meta = mod['default'] as MetaLike;
  const stories = Object.entries(mod)
    .filter(([key]) => key !== 'default' && key !== '__namedExportsOrder')
    .filter(
      ([key]) =>
        (!meta.includeStories || matches(key, meta.includeStories)) &&
        (!meta.excludeStories || !matches(key, meta.excludeStories)),
    )
    .map(([key, value]): [string, Annotations] => [
      key,
      typeof value === 'function' ? { render: value as Render } : (value as Annotations),
    ]);
  return { meta, stories };
}

/** What Storybook would put on the canvas for this story. */
function renderStory(meta: MetaLike, key: string, story: Annotations): unknown {
  const render = story.render ?? meta.render;
  if (!render) throw new Error(`${meta.title} › ${key} has no render function (story or meta)`);
  const context: Context = {
    id: `${sanitize(meta.title)}--${sanitize(exportToName(key))}`,
    name: story.name ?? exportToName(key),
    title: meta.title,
    args: { ...meta.args, ...story.args },
    argTypes: { ...meta.argTypes, ...story.argTypes },
    globals: {},
    parameters: { ...meta.parameters, ...story.parameters },
    viewMode: 'story',
  };
  let fn = (ctx: Context) => render(ctx.args, ctx);
  // Story decorators wrap the story first, then the meta's, as in Storybook.
  for (const decorate of [...list(story.decorators), ...list(meta.decorators)]) {
    const inner = fn;
    fn = (ctx) => decorate((update) => inner({ ...ctx, ...update }), ctx);
  }
  return fn(context);
}

const civicElements = (root: Element, tag?: string) =>
  [...root.querySelectorAll<LitElement>(tag ?? '*')].filter((e) => e.localName.startsWith('civic-'));
const inShadow = (el: Element, selector: string) => !!el.shadowRoot?.querySelector(selector);

/** Wait until every civic element has rendered and every card shows what the story is about. */
async function settle(root: Element, state: SettledState): Promise<void> {
  await Promise.all(civicElements(root).map((e) => e.updateComplete));
  const cards = civicElements(root, 'civic-initiative-card');
  const providers = civicElements(root, 'civic-provider');
  const shown: Record<SettledState, () => boolean> = {
    card: () => cards.every((c) => inShadow(c, '[part="title"]')),
    loading: () => cards.every((c) => inShadow(c, '[aria-busy="true"]')),
    error: () => cards.every((c) => inShadow(c, '[role="alert"]') && !inShadow(c, '[part="title"]')),
    misconfigured: () => providers.some((p) => inShadow(p, '[part="message"][role="alert"]')),
  };
  await waitUntil(shown[state], `the story did not reach its "${state}" state`, { timeout: 5000 });
  await Promise.all(civicElements(root).map((e) => e.updateComplete));
  if (state === 'loading')
    expect(
      cards.every((c) => inShadow(c, '[aria-busy="true"]')),
      'still busy',
    ).to.equal(true);
}

const uncaught: unknown[] = [];
window.addEventListener('error', (e) => uncaught.push(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => uncaught.push(e.reason));

describe('stories', () => {
  const roots: HTMLElement[] = [];
  beforeEach(() => (uncaught.length = 0));
  afterEach(() => roots.splice(0).forEach((r) => r.remove()));
  afterEach(() => expect(uncaught, 'uncaught errors in the page').to.deep.equal([]));

  for (const [file, mod] of Object.entries(modules)) {
    const { meta, stories } = storiesOf(mod);
    describe(`${file} (${meta.title})`, () => {
      it('has stories', () => expect(stories.length).to.be.greaterThan(0));

      for (const [key, story] of stories) {
        const state: SettledState = { ...meta.parameters?.civic, ...story.parameters?.civic }.settled ?? 'card';
        it(`${story.name ?? key} renders its ${state} state with no axe violations`, async () => {
          // Not `fixture()`: for a plain root it waits a frame, which never comes in a background tab.
          const root = document.createElement('div');
          root.className = 'story-root';
          render(renderStory(meta, key, story), root);
          document.body.append(root);
          roots.push(root);
          expect(civicElements(root).length, 'the story renders Civic Kit elements').to.be.greaterThan(0);
          await settle(root, state);
          for (const base of civicElements(root, 'civic-initiative-card').map((c) =>
            c.shadowRoot?.querySelector('[part="base"]'),
          )) {
            if (base) expect(base.scrollWidth, 'nothing is cut off at the side').to.be.at.most(base.clientWidth + 1);
          }
          await expectAccessible(root);
        });

        it(`${story.name ?? key}: its text is readable in dark on a light page and in light on a dark page`, async () => {
          const root = document.createElement('div');
          root.className = 'story-root';
          render(renderStory(meta, key, story), root);
          document.body.append(root);
          roots.push(root);
          await settle(root, state);
          const pages = [
            { scheme: 'dark', background: 'rgb(255, 255, 255)', color: 'rgb(0, 0, 0)' },
            { scheme: 'light', background: 'rgb(18, 18, 18)', color: 'rgb(255, 255, 255)' },
          ];
          const failures: string[] = [];
          for (const page of pages) {
            // The page's own colours, which inherit into the elements; theirs come from the scheme.
            root.style.colorScheme = page.scheme;
            root.style.background = page.background;
            root.style.color = page.color;
            failures.push(
              ...contrastFailures(root, page.background).map((f) => `${page.scheme} on ${page.background}: ${f}`),
            );
          }
          expect(failures).to.deep.equal([]);
        });
      }
    });
  }
});
