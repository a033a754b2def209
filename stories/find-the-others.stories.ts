import { demoData } from '@civic-kit/core/demo';
import type { StringOverrides } from '@civic-kit/core';
import '@civic-kit/elements/define/civic-find-the-others.js';
import '@civic-kit/elements/define/civic-provider.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import type {
  CivicFindTheOthers,
  ConsentPurpose,
  PlaceInput,
} from '../packages/elements/src/find-the-others/find-the-others.js';
import { PLACE_INPUTS } from '../packages/elements/src/find-the-others/find-the-others.js';
import { findTheOthersStrings } from '../packages/elements/src/find-the-others/find-the-others.strings.js';
import { registerStrings } from '../packages/elements/src/translations/languages.js';
import { ScriptedAdapter, servingSignupForms } from '../test/helpers/adapters.js';
import type { SettledState } from './initiative-card.stories.js';
import { inShadow, played, until, type Steps as StepsOf } from './story-steps.js';

// Every language of this element (the define file registers English only, to keep one-element embeds small).
registerStrings(findTheOthersStrings);

/** Args of `<civic-find-the-others>`: attribute names as in custom-elements.json, plus its object properties. */
interface SignupArgs {
  organisations?: string | undefined;
  'consent-version'?: string | undefined;
  'explicit-consent': boolean;
  'privacy-url'?: string | undefined;
  'place-input': PlaceInput;
  'radius-km': number;
  'heading-level': number;
  'min-fill-seconds': number;
  interests?: string | undefined;
  consents?: ConsentPurpose[] | undefined;
  strings?: StringOverrides | undefined;
  /** Documented from the manifest; stories build their own. */
  adapter?: never;
  onCivicSignup?: (e: Event) => void;
  onCivicSignupDone?: (e: Event) => void;
}

type Steps = StepsOf<CivicFindTheOthers>;

const $ = inShadow;

/** The form is there, with its list of causes when the adapter offers one. */
const ready: Steps = async (el) => {
  await el.updateComplete;
  await until(() => $(el, '#interest-0') || ($(el, 'form') && !$(el, '[aria-busy="true"][role="status"]')));
  await el.updateComplete;
};

interface Answers {
  name?: string;
  email?: string;
  place?: string;
  radius?: string;
  interests?: string[];
  message?: string;
  consents?: string[];
}

const fill =
  (a: Answers): Steps =>
  async (el) => {
    await ready(el);
    const set = (selector: string, value: string | undefined) => {
      const input = $<HTMLInputElement>(el, selector);
      if (value === undefined || !input) return;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    set('#name', a.name);
    set('#email', a.email);
    set('#place', a.place);
    set('#message', a.message);
    if (a.radius) {
      const select = $<HTMLSelectElement>(el, '#radius')!;
      select.value = a.radius;
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
    for (const id of a.interests ?? []) $<HTMLInputElement>(el, `input[name="interests"][value="${id}"]`)?.click();
    for (const id of a.consents ?? []) $<HTMLInputElement>(el, `input[name="consent"][value="${id}"]`)?.click();
    await el.updateComplete;
  };

const submit =
  (settledWhen: (el: CivicFindTheOthers) => unknown): Steps =>
  async (el) => {
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await until(() => settledWhen(el));
    await el.updateComplete;
    // Cards in the results panel render their own shadow roots.
    const cards = [...(el.shadowRoot?.querySelectorAll('civic-initiative-card') ?? [])];
    await Promise.all(cards.map((c) => c.updateComplete));
  };

const chain =
  (...steps: Steps[]): Steps =>
  async (el) => {
    for (const step of steps) await step(el);
  };

const shows = (selector: string) => (el: CivicFindTheOthers) => $(el, selector);

const ada: Answers = {
  name: 'Ada Lovelace',
  email: 'ada@example.org',
  place: 'Bristol',
  radius: '10',
  interests: ['repair', 'energy', 'cycling'],
  message: 'I can help on Saturdays.',
  consents: ['connect', 'share-with-groups'],
};

/** The element with the story's args; the adapter (demo data) unless the story passes `null` (a provider's). */
const signup = (
  args: SignupArgs,
  adapter: ScriptedAdapter | null = ScriptedAdapter.demo(),
  outboxKey?: string,
): TemplateResult =>
  html`<civic-find-the-others
    outbox-key=${outboxKey ?? nothing}
    organisations=${args.organisations ?? nothing}
    consent-version=${args['consent-version'] ?? nothing}
    ?explicit-consent=${args['explicit-consent']}
    privacy-url=${args['privacy-url'] ?? nothing}
    place-input=${args['place-input']}
    radius-km=${args['radius-km']}
    heading-level=${args['heading-level']}
    min-fill-seconds=${args['min-fill-seconds']}
    interests=${args.interests ?? nothing}
    .consents=${args.consents}
    .strings=${args.strings}
    .adapter=${adapter ?? nothing}
    @civic-signup=${args.onCivicSignup}
    @civic-signup-done=${args.onCivicSignupDone}
  ></civic-find-the-others>`;

// Story styles go in <style> elements with classes: no style="" attributes (a strict CSP blocks them).
const frame = html`<style>
  .civic-story-signup {
    max-inline-size: 44rem;
  }
</style>`;

const meta: Meta<SignupArgs> = {
  title: 'Elements/Find the others',
  component: 'civic-find-the-others',
  args: {
    organisations: 'Bristol Transition Town',
    'explicit-consent': false,
    'place-input': 'postcode-or-town',
    'radius-km': 5,
    'heading-level': 2,
    // Stories fill the form in by script: the fill-time guard (3 s by default) would silently drop it.
    'min-fill-seconds': 0,
  },
  argTypes: {
    organisations: { control: 'text' },
    'consent-version': { control: 'text' },
    'explicit-consent': { control: 'boolean' },
    'privacy-url': { control: 'text' },
    'place-input': { control: 'select', options: [...PLACE_INPUTS] },
    'radius-km': { control: 'number' },
    'heading-level': { control: 'select', options: [2, 3, 4, 5, 6] },
    'min-fill-seconds': { control: 'number' },
    interests: { control: 'text' },
    consents: { control: 'object' },
    strings: { control: 'object' },
    adapter: { control: false },
  },
  render: (args) =>
    html`${frame}
      <div class="civic-story-signup">${played(ready, signup(args))}</div>`,
  parameters: { civic: { settled: 'card' satisfies SettledState } },
};
export default meta;

type Story = StoryObj<SignupArgs>;

/** The empty form: the causes come from the adapter (the demo data's twelve). Consent boxes start unticked. */
export const Empty: Story = {};

/** Filled in, not yet sent. */
export const Filled: Story = {
  render: (args) =>
    html`${frame}
      <div class="civic-story-signup">${played(fill(ada), signup(args))}</div>`,
};

/** Sent empty (with a half-typed email): the error summary takes focus and links to each field. */
export const ErrorsShown: Story = {
  render: (args) =>
    html`${frame}
      <div class="civic-story-signup">
        ${played(
          chain(fill({ email: 'ada@', consents: ['news'] }), submit(shows('[part="error-summary"]'))),
          signup(args),
        )}
      </div>`,
};

/** The data source rejects a field (a place it does not know): its message lands in the same summary and slot. */
export const ServerFieldError: Story = {
  render: (args) =>
    html`${frame}
      <div class="civic-story-signup">
        ${played(
          chain(fill({ ...ada, place: 'Atlantis' }), submit(shows('#place-error'))),
          signup(args, ScriptedAdapter.demo({ without: ['find-places'] })),
        )}
      </div>`,
};

/** Several places match what was typed ("BS"): one to pick, as GOV.UK's "select an address". */
export const PlaceChoices: Story = {
  render: (args) =>
    html`${frame}
      <div class="civic-story-signup">
        ${played(chain(fill({ ...ada, place: 'BS' }), submit(shows('[part="place-choices"]'))), signup(args))}
      </div>`,
};

/** No place matches what was typed: said before anything is sent. */
export const PlaceNotFound: Story = {
  render: (args) =>
    html`${frame}
      <div class="civic-story-signup">
        ${played(chain(fill({ ...ada, place: 'Atlantis' }), submit(shows('#place-error'))), signup(args))}
      </div>`,
};

/** Waiting for the data source. */
export const Submitting: Story = {
  render: (args) => {
    const adapter = ScriptedAdapter.demo();
    adapter.hold('findOthers');
    // A queue of its own: the sign-up still waiting when the story closes is queued, and must not be
    // restored and sent by the next story's form.
    const key = `civic-story-queue-${Math.random().toString(36).slice(2)}`;
    return html`${frame}
      <div class="civic-story-signup">
        ${played(chain(fill(ada), submit(shows('form[aria-busy="true"]'))), signup(args, adapter, key))}
      </div>`;
  },
};

/** Signed up: how many people nearby share each interest, nearby initiatives, what happens next. */
export const Results: Story = {
  render: (args) =>
    html`${frame}
      <div class="civic-story-signup">
        ${played(chain(fill(ada), submit(shows('[part="results"]'))), signup(args))}
      </div>`,
};

/**
 * A data source that serves a sign-up form (as the reference server does): its consent words are the
 * ones shown, and the results end with the receipt it recorded.
 */
export const WithReceipt: Story = {
  render: (args) => {
    const adapter = ScriptedAdapter.demo();
    servingSignupForms(adapter, 0, [
      {
        purpose: 'connect',
        text: 'Riverside Trust may use my name, email address, area and causes to put me in touch with people near me.',
        version: '2026-12',
      },
    ]);
    return html`${frame}
      <div class="civic-story-signup">
        ${played(chain(fill(ada), submit(shows('[part="receipt"]'))), signup(args, adapter))}
      </div>`;
  },
};

/** Nobody nearby yet, and no initiative to match. */
export const NoMatches: Story = {
  render: (args) => {
    const adapter = new ScriptedAdapter({ data: { ...demoData(), people: [] } });
    return html`${frame}
      <div class="civic-story-signup">
        ${played(
          chain(fill({ ...ada, place: 'Lyon', radius: '1', interests: ['water'] }), submit(shows('[part="results"]'))),
          signup(args, adapter),
        )}
      </div>`;
  },
};

/** The connection dropped: the sign-up waits in this browser's storage and is sent once back online. */
export const QueuedOffline: Story = {
  render: (args) => {
    const adapter = ScriptedAdapter.demo().failNext('findOthers', 'network');
    // A queue of its own, emptied once shown, so this story's sign-up never reaches another story.
    const key = `civic-story-queue-${Math.random().toString(36).slice(2)}`;
    const forget: Steps = async () => localStorage.removeItem(key);
    return html`${frame}
      <div class="civic-story-signup">
        ${played(chain(fill(ada), submit(shows('.message--queued')), forget), signup(args, adapter, key))}
      </div>`;
  },
};

/** A failure that is not the network: every answer stays, and "Send again" reuses the same idempotency key. */
export const FailedWithRetry: Story = {
  render: (args) => {
    const adapter = ScriptedAdapter.demo().failNext('findOthers', 'rate-limited');
    return html`${frame}
      <div class="civic-story-signup">
        ${played(chain(fill(ada), submit(shows('[role="alert"].message--error'))), signup(args, adapter))}
      </div>`;
  },
};

/** Arabic, right to left, with the errors shown. */
export const RTL: Story = {
  args: { organisations: 'بيت بريستول العربي' },
  render: (args) =>
    html`${frame}
      <div class="civic-story-signup" lang="ar" dir="rtl">
        ${played(chain(fill({ name: 'ليلى' }), submit(shows('[part="error-summary"]'))), signup(args))}
      </div>`,
};

/** `<civic-provider theme="dark">` (with the demo data): the tokens switch to their dark values. */
export const Dark: Story = {
  parameters: { layout: 'fullscreen' },
  render: (args) =>
    html`<style>
        .civic-story-dark {
          box-sizing: border-box;
          min-block-size: 100vh;
          padding: 1.5rem;
          background: #0d1117;
          color: #e8eaed;
          color-scheme: dark;
        }
      </style>
      ${frame}
      <div class="civic-story-dark">
        <civic-provider adapter="memory" theme="dark">
          <div class="civic-story-signup">
            ${played(chain(fill({ email: 'ada@' }), submit(shows('[part="error-summary"]'))), signup(args, null))}
          </div>
        </civic-provider>
      </div>`,
};

/** The smallest width WCAG reflow asks for, errors shown. */
export const Narrow320: Story = {
  render: (args) =>
    html`<style>
        .civic-story-narrow {
          inline-size: 320px;
          outline: 1px dashed #8c959f;
        }
      </style>
      <div class="civic-story-narrow">
        ${played(chain(fill({ place: 'Bristol' }), submit(shows('[part="error-summary"]'))), signup(args))}
      </div>`,
};

/**
 * A site's own consent purposes and words (`consents`, a property or JSON attribute), the organisations
 * that rely on them, a privacy notice, and its own list of causes (`interests`).
 */
export const CustomConsentText: Story = {
  args: {
    organisations: 'Totnes Transition Town, Totnes Community Energy',
    'privacy-url': 'https://transition-totnes.example.org/privacy',
    interests: 'energy: Community energy, food-growing: Food growing, housing: Community-led housing',
    consents: [
      {
        purpose: 'connect',
        text: 'I explicitly consent to Totnes Transition Town using my name, email address, area and the causes I care about (which may reveal my political opinions) to introduce me to neighbours and groups. Version of March 2026.',
        version: '2026-03',
        required: true,
        organisations: ['Totnes Transition Town'],
      },
      {
        purpose: 'energy-share-offer',
        text: 'Totnes Community Energy may email me when a new community energy share offer opens.',
        version: '2026-03',
        organisations: ['Totnes Community Energy'],
      },
    ],
  },
};
