import {
  CivicError,
  MemoryAdapter,
  Outbox,
  coarsen,
  type CivicAdapter,
  type CivicSignupDoneEvent,
  type CivicSignupEvent,
  type Matches,
  type SignupInput,
  type WriteOptions,
} from '@civic-kit/core';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { ScriptedAdapter, servingSignupForms } from '../../../../test/helpers/adapters.js';
import { expectAccessible } from '../../../../test/helpers/axe.js';
import { focusedNode } from '../../../../test/hardening/commands.js';
import { describeWrites } from '../../../../test/helpers/write-suite.js';
import '../define/civic-find-the-others.js';
import '../translations/all.js';
import { registerStrings } from '../translations/languages.js';
import type { CivicFindTheOthers } from './find-the-others.js';
import { findTheOthersStrings } from './find-the-others.strings.js';

registerStrings(findTheOthersStrings);

const shadow = (el: Element) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const qa = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...shadow(el).querySelectorAll<T>(selector),
];
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const active = (el: Element) => shadow(el).activeElement as HTMLElement | null;

const uncaught: unknown[] = [];
window.addEventListener('error', (e) => uncaught.push(e.error));
window.addEventListener('unhandledrejection', (e) => uncaught.push(e.reason));

async function signupForm(
  props: Partial<CivicFindTheOthers> = {},
  template: TemplateResult = html`<civic-find-the-others min-fill-seconds="0" lang="en-GB"></civic-find-the-others>`,
): Promise<CivicFindTheOthers> {
  const el = await fixture<CivicFindTheOthers>(template);
  Object.assign(el, props);
  await el.updateComplete;
  return el;
}

async function settled(el: CivicFindTheOthers, what: () => unknown, message = 'did not settle'): Promise<void> {
  await waitUntil(what, message, { timeout: 4000 });
  await el.updateComplete;
}

/** Wait for the adapter's list of causes. */
const withInterests = (el: CivicFindTheOthers) => settled(el, () => q(el, '#interest-0'), 'no interests');

interface Answers {
  name?: string;
  email?: string;
  place?: string;
  interests?: string[];
  consents?: string[];
  message?: string;
  radius?: string;
}

async function fill(el: CivicFindTheOthers, a: Answers): Promise<void> {
  const set = (selector: string, value: string | undefined) => {
    const input = q<HTMLInputElement>(el, selector);
    if (value === undefined || !input) return;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  set('#name', a.name);
  set('#email', a.email);
  set('#place', a.place);
  set('#message', a.message);
  if (a.radius) {
    const select = q<HTMLSelectElement>(el, '#radius')!;
    select.value = a.radius;
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }
  for (const id of a.interests ?? []) q<HTMLInputElement>(el, `input[name="interests"][value="${id}"]`)!.click();
  for (const id of a.consents ?? []) q<HTMLInputElement>(el, `input[name="consent"][value="${id}"]`)!.click();
  await el.updateComplete;
}

const valid: Answers = {
  name: 'Ada Lovelace',
  email: 'ada@example.org',
  place: 'Bristol',
  interests: ['repair', 'energy'],
  consents: ['connect'],
};

async function submit(el: CivicFindTheOthers): Promise<void> {
  q<HTMLFormElement>(el, 'form')!.requestSubmit();
  await el.updateComplete;
}

/** Submit and return what the `civic-signup` event carried. */
async function submitted(el: CivicFindTheOthers): Promise<CivicSignupEvent> {
  const event = oneEvent(el, 'civic-signup');
  await submit(el);
  return (await event) as unknown as CivicSignupEvent;
}

const results = (el: CivicFindTheOthers) => settled(el, () => q(el, '[part="results"]'), 'no results panel');

const summaryLinks = (el: CivicFindTheOthers) => qa<HTMLAnchorElement>(el, '[part="error-summary"] a');

function stubGeolocation(geo: Partial<Geolocation> | undefined): () => void {
  Object.defineProperty(navigator, 'geolocation', { value: geo, configurable: true });
  return () => delete (navigator as unknown as Record<string, unknown>)['geolocation'];
}

function stubOnline(online: boolean): () => void {
  Object.defineProperty(navigator, 'onLine', { get: () => online, configurable: true });
  return () => delete (navigator as unknown as Record<string, unknown>)['onLine'];
}

const signupQueue = () => new Outbox().list<SignupInput>({ kind: 'signup' });
const clearQueue = () => signupQueue().forEach((e) => new Outbox().remove(e.key));

const keysOf = (adapter: ScriptedAdapter) =>
  (adapter.calls['findOthers'] ?? []).map((args) => (args[1] as { idempotencyKey: string }).idempotencyKey);

describe('<civic-find-the-others>', () => {
  const restore: (() => void)[] = [];
  beforeEach(() => {
    uncaught.length = 0;
    clearQueue();
  });
  afterEach(() => {
    restore.splice(0).forEach((r) => r());
    clearQueue();
    expect(uncaught, 'uncaught errors in the page').to.deep.equal([]);
  });

  describe('the form', () => {
    it('is one native form with autofill tokens, "(optional)" marks, no asterisks and unticked consent', async () => {
      let asked = 0;
      restore.push(stubGeolocation({ getCurrentPosition: () => void asked++ }));
      const el = await signupForm({ adapter: ScriptedAdapter.demo() });
      await withInterests(el);
      expect(qa(el, 'form')).to.have.length(1);
      expect(q(el, 'form')!.hasAttribute('novalidate')).to.equal(true);
      expect(q(el, '#name')!.getAttribute('autocomplete')).to.equal('name');
      expect(q(el, '#email')!.getAttribute('autocomplete')).to.equal('email');
      expect(q(el, '#email')!.getAttribute('type')).to.equal('email');
      expect(q(el, '#place')!.getAttribute('autocomplete')).to.equal('postal-code');
      expect(text(q(el, 'label[for="message"]'))).to.contain('(optional)');
      expect(text(q(el, 'label[for="name"]'))).not.to.contain('(optional)');
      expect(text(shadow(el))).not.to.contain('*');
      const consent = qa<HTMLInputElement>(el, 'input[name="consent"]');
      expect(consent.map((c) => c.value)).to.deep.equal(['connect', 'share-with-groups', 'news']);
      expect(consent.every((c) => !c.checked)).to.equal(true);
      expect(qa(el, 'input[name="interests"]')).to.have.length(12);
      expect(asked, 'no location asked for until the button is pressed').to.equal(0);
      await expectAccessible(el);
    });

    it('gives words their spaces in accessible names and descriptions ("know (optional)", "to. You")', async () => {
      const el = await signupForm({ adapter: ScriptedAdapter.demo() });
      await withInterests(el);
      q(el, '#message')!.focus();
      expect((await focusedNode()).name).to.equal('Anything you would like local groups to know (optional)');
      const optional = qa<HTMLInputElement>(el, 'input[name="consent"]').find((c) => c.value === 'news')!;
      optional.focus();
      expect((await focusedNode()).name).to.match(/\S \(optional\)$/);
      const group = optional.closest('fieldset')!;
      group.tabIndex = -1;
      group.focus();
      expect((await focusedNode()).description).to.contain('Tick only what you agree to. You can withdraw');
    });

    it('asks for a town with the address-level2 token, or a postcode', async () => {
      const town = await signupForm({}, html`<civic-find-the-others place-input="town"></civic-find-the-others>`);
      expect(q(town, '#place')!.getAttribute('autocomplete')).to.equal('address-level2');
      expect(text(q(town, 'label[for="place"]'))).to.equal('Town or city');
      const postcode = await signupForm(
        {},
        html`<civic-find-the-others place-input="postcode"></civic-find-the-others>`,
      );
      expect(text(q(postcode, 'label[for="place"]'))).to.equal('Postcode');
    });

    it('takes the causes from an attribute, without asking the adapter', async () => {
      const adapter = ScriptedAdapter.demo();
      const listed: unknown[] = [];
      adapter.listInterests = async () => (listed.push(1), []);
      const el = await signupForm(
        { adapter },
        html`<civic-find-the-others interests="repair: Repair and reuse, Community energy"></civic-find-the-others>`,
      );
      const boxes = qa<HTMLInputElement>(el, 'input[name="interests"]');
      expect(boxes.map((b) => b.value)).to.deep.equal(['repair', 'community-energy']);
      expect(boxes.map((b) => text(q(el, `label[for="${b.id}"]`)))).to.deep.equal([
        'Repair and reuse',
        'Community energy',
      ]);
      expect(listed).to.deep.equal([]);
    });

    it('says so, and still takes sign-ups, when the causes given as a property are malformed', async () => {
      const logged: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => void logged.push(args);
      try {
        const el = await signupForm({
          adapter: ScriptedAdapter.demo(),
          interests: [{ id: 'repair' }] as unknown as CivicFindTheOthers['interests'],
        });
        const alert = q(el, '[role="alert"]');
        expect(text(alert)).to.equal('The list of causes could not be loaded.');
        expect(qa(el, 'input[name="interests"]')).to.have.length(0);
        expect(q(el, 'form')).to.exist;
        expect(String(logged[0]?.[0])).to.match(/interests/);
        await expectAccessible(el);
        el.interests = [{ id: 'repair', label: 'Repair' }];
        await el.updateComplete;
        expect(q(el, '[role="alert"]')).to.equal(null);
        expect(qa(el, 'input[name="interests"]')).to.have.length(1);
      } finally {
        console.error = original;
      }
    });

    it('says so, and offers a retry, when the list of causes cannot be loaded', async () => {
      const adapter = ScriptedAdapter.demo();
      let fail = true;
      const original = adapter.listInterests.bind(adapter);
      adapter.listInterests = async (o) => {
        if (fail) throw new CivicError('network', 'down');
        return original(o);
      };
      const errors: Event[] = [];
      const el = await signupForm();
      el.addEventListener('civic-error', (e) => errors.push(e));
      el.adapter = adapter;
      await settled(el, () => text(shadow(el)).includes('could not be loaded'));
      expect(errors).to.have.length(1);
      await expectAccessible(el);
      fail = false;
      [...qa<HTMLButtonElement>(el, 'button')].find((b) => text(b) === 'Try again')!.click();
      await withInterests(el);
    });
  });

  describe('validation, the GOV.UK way', () => {
    it('never validates on blur, only on submit', async () => {
      const el = await signupForm({ adapter: ScriptedAdapter.demo() });
      await withInterests(el);
      q(el, '#name')!.focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'not an email' });
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(q(el, '[part="error-summary"]')).to.equal(null);
      expect(qa(el, '[aria-invalid="true"]')).to.have.length(0);
    });

    it('shows a summary that takes focus, inline errors with the same words, and keeps every value', async () => {
      const adapter = ScriptedAdapter.demo();
      const el = await signupForm({ adapter });
      await withInterests(el);
      await fill(el, { email: 'ada@', place: 'Bristol', message: 'Hello', interests: [], consents: ['news'] });
      await submit(el);
      const summary = q(el, '[part="error-summary"]')!;
      expect(active(el)).to.equal(summary);
      expect(text(summary.querySelector('h2'))).to.equal('There is a problem');
      expect(summary.querySelector('[role="alert"]')).to.exist;
      const listed = summaryLinks(el).map((a) => text(a));
      expect(listed).to.deep.equal([
        'Enter your full name',
        'Enter an email address in the correct format, like name@example.com',
        'Select at least one cause you care about',
        'To sign up, tick the box to agree to your details being used to put you in touch',
      ]);
      const inline = qa(el, '[part="field-error"]');
      expect(inline.map((p) => text(p))).to.deep.equal(listed.map((m) => `Error: ${m}`));
      expect(inline.every((p) => text(p.querySelector('.visually-hidden')) === 'Error:')).to.equal(true);
      const email = q<HTMLInputElement>(el, '#email')!;
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(email.getAttribute('aria-describedby')).to.equal('email-hint email-error');
      expect(q(el, '#name')!.getAttribute('aria-describedby')).to.equal('name-error');
      expect(q(el, '#place')!.getAttribute('aria-invalid')).to.equal('false');
      expect(q(el, 'fieldset[aria-describedby="interests-hint interests-error"]')).to.exist;
      expect(q(el, '#consent-0')!.getAttribute('aria-invalid')).to.equal('true');
      // Nothing entered is cleared.
      expect(email.value).to.equal('ada@');
      expect(q<HTMLInputElement>(el, '#place')!.value).to.equal('Bristol');
      expect(q<HTMLTextAreaElement>(el, '#message')!.value).to.equal('Hello');
      expect(q<HTMLInputElement>(el, '#consent-2')!.checked).to.equal(true);
      expect(adapter.calls['findOthers']).to.equal(undefined);
      await expectAccessible(el);
    });

    it('moves focus to each field from its link in the summary, by keyboard, leaving the page URL alone', async () => {
      const el = await signupForm({ adapter: ScriptedAdapter.demo() });
      await withInterests(el);
      await fill(el, { message: 'x'.repeat(2001) });
      await submit(el);
      const expected = ['name', 'email', 'place', 'interest-0', 'message', 'consent-0'];
      expect(summaryLinks(el)).to.have.length(expected.length);
      const hash = location.hash;
      for (const [i, id] of expected.entries()) {
        summaryLinks(el)[i]!.focus();
        await sendKeys({ press: 'Enter' });
        expect(active(el)?.id, `link ${i + 1}`).to.equal(id);
      }
      expect(location.hash).to.equal(hash);
      expect(text(q(el, '#message-error'))).to.contain('2,000 characters or fewer');
    });

    it('checks the length of the email address', async () => {
      const el = await signupForm({ adapter: ScriptedAdapter.demo() });
      await withInterests(el);
      await fill(el, { ...valid, email: `${'a'.repeat(250)}@example.org` });
      await submit(el);
      expect(summaryLinks(el).map((a) => text(a))).to.deep.equal(['Email address must be 254 characters or fewer']);
    });

    it('puts the data source’s field errors in the same summary and slots, and keeps the values', async () => {
      // No place lookup: the place reaches findOthers as typed, and its field error comes back.
      const adapter = ScriptedAdapter.demo({ without: ['find-places'] });
      const el = await signupForm({ adapter });
      await withInterests(el);
      await fill(el, { ...valid, place: 'Atlantis' });
      const done = oneEvent(el, 'civic-signup-done');
      await submit(el);
      const e = (await done) as unknown as CivicSignupDoneEvent;
      expect(e.error?.code).to.equal('invalid-request');
      await settled(el, () => q(el, '[part="error-summary"]'));
      const message = 'Enter a town or postcode we know, or use your location';
      expect(summaryLinks(el).map((a) => text(a))).to.deep.equal([message]);
      expect(text(q(el, '#place-error'))).to.equal(`Error: ${message}`);
      expect(active(el)).to.equal(q(el, '[part="error-summary"]'));
      expect(q<HTMLInputElement>(el, '#place')!.value).to.equal('Atlantis');
      expect(q<HTMLInputElement>(el, '#name')!.value).to.equal('Ada Lovelace');
      await expectAccessible(el);
      summaryLinks(el)[0]!.click();
      expect(active(el)?.id).to.equal('place');
      // Corrected, it is a new sign-up (the rejected one was never stored).
      await fill(el, { place: 'BS5' });
      await submit(el);
      await results(el);
      const keys = keysOf(adapter);
      expect(keys).to.have.length(2);
      expect(keys[0]).not.to.equal(keys[1]);
    });
  });

  describe('place lookup', () => {
    const radios = (el: CivicFindTheOthers) => [
      ...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="place-choice"]'),
    ];

    it('offers the places that match when several do, asks for one, and sends the one picked', async () => {
      const adapter = ScriptedAdapter.demo();
      const el = await signupForm({ adapter });
      await withInterests(el);
      await fill(el, { ...valid, place: 'BS' });
      let events = 0;
      el.addEventListener('civic-signup', () => events++);
      await submit(el);
      await settled(el, () => q(el, '[part="place-choices"]'));
      expect(text(q(el, '[part="place-choices"] legend'))).to.equal('Which “BS” do you mean?');
      expect(radios(el).map((r) => text(r.labels![0]))).to.deep.equal(['BS1', 'BS2', 'BS3', 'BS5', 'BS6']);
      expect(active(el), 'focus moves to the choices').to.equal(q(el, '[part="place-choices"] legend'));
      expect(q(el, '[part="error-summary"]'), 'not an error yet').to.equal(null);
      expect(events, 'nothing sent yet').to.equal(0);
      await expectAccessible(el);
      // Sent again without picking: an error in the summary, whose link goes to the first place.
      await submit(el);
      await settled(el, () => q(el, '[part="error-summary"]'));
      expect(summaryLinks(el).map((a) => text(a))).to.deep.equal(['Choose which “BS” you mean']);
      expect(active(el)).to.equal(q(el, '[part="error-summary"]'));
      summaryLinks(el)[0]!.click();
      expect(active(el)?.id).to.equal('place-choice-0');
      await expectAccessible(el);
      radios(el)[2]!.labels![0]!.click();
      const sent = oneEvent(el, 'civic-signup');
      await submit(el);
      const signup = ((await sent) as unknown as CivicSignupEvent).signup;
      expect(signup.place).to.deep.equal({ text: 'BS3', lat: 51.44, lng: -2.6, precision: 'area' });
      await results(el);
      expect(adapter.calls['findPlaces']).to.have.length(1);
    });

    it('says when no place matches, before anything is sent, and forgets the choices when the place changes', async () => {
      const adapter = ScriptedAdapter.demo();
      const el = await signupForm({ adapter });
      await withInterests(el);
      await fill(el, { ...valid, place: 'Atlantis' });
      await submit(el);
      await settled(el, () => q(el, '[part="error-summary"]'));
      const message = 'We could not find “Atlantis”. Check the spelling, or enter a nearby town or postcode';
      expect(summaryLinks(el).map((a) => text(a))).to.deep.equal([message]);
      expect(text(q(el, '#place-error'))).to.equal(`Error: ${message}`);
      expect(adapter.calls['findOthers'] ?? [], 'nothing sent').to.have.length(0);
      await fill(el, { place: 'bs' });
      await submit(el);
      await settled(el, () => radios(el).length === 5);
      await fill(el, { place: 'Totnes' });
      await el.updateComplete;
      expect(q(el, '[part="place-choices"]'), 'another place, other choices').to.equal(null);
      await submit(el);
      await results(el);
    });

    it('sends the place as typed when the lookup itself fails', async () => {
      const adapter = ScriptedAdapter.demo().failNext('findPlaces', 'network');
      const el = await signupForm({ adapter });
      await withInterests(el);
      await fill(el, { ...valid, place: 'Bristol' });
      const sent = oneEvent(el, 'civic-signup');
      await submit(el);
      expect(((await sent) as unknown as CivicSignupEvent).signup.place).to.deep.equal({
        text: 'Bristol',
        precision: 'area',
      });
      await results(el);
    });
  });

  describe('keyboard', () => {
    it('can be filled in and sent with the keyboard alone; the results take focus', async () => {
      const el = await signupForm({ adapter: ScriptedAdapter.demo() });
      await withInterests(el);
      q(el, '#name')!.focus();
      await sendKeys({ type: 'Grace Hopper' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'grace@example.org' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Totnes' });
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.getAttribute('part')).to.equal('locate-button');
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('radius');
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('interest-0');
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      for (let i = 0; i < 10; i++) await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('message');
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('consent-0');
      await sendKeys({ press: 'Space' });
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'Tab' });
      expect(active(el)?.getAttribute('part'), 'the honeypot is skipped').to.equal('submit-button');
      const event = oneEvent(el, 'civic-signup');
      await sendKeys({ press: 'Enter' });
      const { signup } = (await event) as unknown as CivicSignupEvent;
      expect(signup.name).to.equal('Grace Hopper');
      expect(signup.place, 'the town looked up').to.deep.equal({
        text: 'Totnes',
        lat: 50.431,
        lng: -3.686,
        precision: 'area',
      });
      expect(signup.interests).to.deep.equal(['food-growing', 'energy']);
      await results(el);
      expect(active(el)).to.equal(q(el, '[part="results"]'));
    });
  });

  describe('consent', () => {
    it('sends a receipt per ticked purpose: the exact words shown, their version, the time and the locale', async () => {
      const el = await signupForm({ adapter: ScriptedAdapter.demo() });
      await withInterests(el);
      await fill(el, { ...valid, consents: ['connect', 'news'] });
      const before = Date.now();
      const { signup } = await submitted(el);
      const shown = (purpose: string) => {
        const box = q(el, `input[name="consent"][value="${purpose}"]`)!;
        const label = q(el, `label[for="${box.id}"]`)!.cloneNode(true) as HTMLElement;
        label.querySelector('.optional')?.remove();
        return text(label);
      };
      const consent = signup.consent;
      expect(consent.map((c) => c.purpose)).to.deep.equal(['connect', 'news']);
      expect(consent[0]!.text).to.equal(shown('connect'));
      expect(consent[1]!.text).to.equal(shown('news'));
      expect(consent[0]!.text).to.contain('the organisers of this site');
      for (const c of consent) {
        expect(c.version).to.equal('civic-kit-1');
        expect(c.locale).to.equal('en-GB');
        expect(Date.parse(c.timestamp)).to.be.within(before, Date.now());
        expect(c.timestamp).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      }
      await results(el);
    });

    it('names the organisations, uses explicit-consent wording and the version from attributes', async () => {
      const el = await signupForm(
        { adapter: ScriptedAdapter.demo() },
        html`<civic-find-the-others
          min-fill-seconds="0"
          organisations="Bristol Civic Square, Transition Bristol"
          consent-version="2026-03"
          explicit-consent
          privacy-url="https://example.org/privacy"
        ></civic-find-the-others>`,
      );
      await withInterests(el);
      const first = text(q(el, 'label[for="consent-0"]'));
      expect(first).to.contain('I give my explicit consent to Bristol Civic Square and Transition Bristol');
      expect(first).to.contain('political opinions or beliefs');
      expect(text(q(el, '#consent-hint'))).to.contain('withdraw your consent at any time');
      expect(q(el, '#consent-hint a')!.getAttribute('href')).to.equal('https://example.org/privacy');
      await fill(el, { ...valid, consents: ['connect', 'share-with-groups'] });
      const { signup } = await submitted(el);
      expect(signup.consent.map((c) => [c.purpose, c.version, c.organisations])).to.deep.equal([
        ['connect', '2026-03', ['Bristol Civic Square', 'Transition Bristol']],
        ['share-with-groups', '2026-03', ['Bristol Civic Square', 'Transition Bristol']],
      ]);
      expect(signup.consent[0]!.text).to.equal(first);
      await results(el);
      await expectAccessible(el);
    });

    it('takes purposes and their exact words as a property or JSON attribute', async () => {
      const consents = [
        { purpose: 'contact', text: 'Our own words about contact.', version: 'v9', required: true },
        { purpose: 'photos', text: 'Our own words about photos.', version: 'v2', organisations: ['Photo Club'] },
      ];
      const el = await signupForm(
        { adapter: ScriptedAdapter.demo() },
        html`<civic-find-the-others min-fill-seconds="0" consents=${JSON.stringify(consents)}></civic-find-the-others>`,
      );
      await withInterests(el);
      expect(qa(el, 'input[name="consent"]').map((c) => text(q(el, `label[for="${c.id}"]`)))).to.deep.equal([
        'Our own words about contact.',
        'Our own words about photos. (optional)',
      ]);
      await fill(el, { ...valid, consents: ['photos'] });
      await submit(el);
      expect(summaryLinks(el).map((a) => text(a))).to.deep.equal([
        'To sign up, tick the box to agree to your details being used to put you in touch',
      ]);
      summaryLinks(el)[0]!.click();
      expect(active(el)?.id).to.equal('consent-0');
      await fill(el, { consents: ['contact'] });
      const { signup } = await submitted(el);
      expect(signup.consent.map((c) => [c.purpose, c.text, c.version, c.organisations])).to.deep.equal([
        ['contact', 'Our own words about contact.', 'v9', []],
        ['photos', 'Our own words about photos.', 'v2', ['Photo Club']],
      ]);
      el.consents = [{ purpose: 'only', text: 'Set as a property.', version: '1' }];
      await el.updateComplete;
      await results(el);
    });
  });

  describe('location', () => {
    const point = { lat: 51.45678, lng: -2.59123 };
    const geolocation = (outcome: { coords?: typeof point; error?: number }) => ({
      getCurrentPosition: (ok: PositionCallback, fail?: PositionErrorCallback | null) =>
        setTimeout(() =>
          outcome.coords
            ? ok({
                coords: { latitude: outcome.coords.lat, longitude: outcome.coords.lng, accuracy: 10 },
                timestamp: Date.now(),
              } as unknown as GeolocationPosition)
            : fail?.({ code: outcome.error, PERMISSION_DENIED: 1 } as unknown as GeolocationPositionError),
        ),
    });

    it('is used only on click, rounded to about 1 km unless the person chooses exact', async () => {
      restore.push(stubGeolocation(geolocation({ coords: point })));
      const el = await signupForm({ adapter: ScriptedAdapter.demo() });
      await withInterests(el);
      await fill(el, { ...valid, place: undefined });
      q(el, '[part="locate-button"]')!.click();
      await settled(el, () => q(el, '[part="location"]'));
      expect(active(el)?.id, 'focus moves to what happened').to.equal('location');
      expect(text(q(el, '#location'))).to.contain('rounded to an area about 1 km across');
      await expectAccessible(el);
      const rounded = (await submitted(el)).signup.place;
      expect(rounded).to.deep.equal({ ...coarsen(point, 1), precision: 'area' });
      expect(Math.abs(rounded.lat! - point.lat)).to.be.below(0.01);
      expect(rounded.lat).not.to.equal(point.lat);
      await results(el);
    });

    it('sends the exact point when the person ticks it', async () => {
      restore.push(stubGeolocation(geolocation({ coords: point })));
      const adapter = ScriptedAdapter.demo();
      const el = await signupForm({ adapter });
      await withInterests(el);
      q(el, '[part="locate-button"]')!.click();
      await settled(el, () => q(el, '#exact'));
      q<HTMLInputElement>(el, '#exact')!.click();
      await el.updateComplete;
      expect(text(q(el, '#location'))).to.equal('Using your exact location.');
      await fill(el, { ...valid, place: undefined });
      expect((await submitted(el)).signup.place).to.deep.equal({ ...point, precision: 'exact' });
    });

    it('goes back to a typed place on request', async () => {
      restore.push(stubGeolocation(geolocation({ coords: point })));
      const el = await signupForm({ adapter: ScriptedAdapter.demo() });
      await withInterests(el);
      q(el, '[part="locate-button"]')!.click();
      await settled(el, () => q(el, '[part="location"]'));
      [...qa<HTMLButtonElement>(el, '[part="location"] button')][0]!.click();
      await settled(el, () => q(el, '#place'));
      expect(active(el)?.id).to.equal('place');
    });

    it('says clearly when location is refused or unavailable', async () => {
      const undo = stubGeolocation(geolocation({ error: 1 }));
      const el = await signupForm({ adapter: ScriptedAdapter.demo() });
      await withInterests(el);
      q(el, '[part="locate-button"]')!.click();
      await settled(el, () => text(shadow(el)).includes('not allowed to use your location'));
      await expectAccessible(el);
      undo();
      restore.push(stubGeolocation(geolocation({ error: 2 })));
      q(el, '[part="locate-button"]')!.click();
      await settled(el, () => text(shadow(el)).includes('Your location could not be found'));
      restore.push(stubGeolocation(undefined));
      const none = await signupForm();
      q(none, '[part="locate-button"]')!.click();
      await settled(none, () => text(shadow(none)).includes('Your location could not be found'));
    });
  });

  describe('spam guard, without tracking', () => {
    it('silently drops a sign-up whose honeypot was filled in: no event, no request, no hint', async () => {
      const adapter = ScriptedAdapter.demo();
      const el = await signupForm({ adapter });
      await withInterests(el);
      await fill(el, valid);
      const trap = q<HTMLInputElement>(el, 'input[name="website"]')!;
      expect(trap.tabIndex).to.equal(-1);
      expect(trap.closest('[aria-hidden="true"]')).to.exist;
      trap.value = 'https://spam.example';
      trap.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      const before = text(shadow(el));
      const events: Event[] = [];
      el.addEventListener('civic-signup', (e) => events.push(e));
      el.addEventListener('civic-signup-done', (e) => events.push(e));
      await submit(el);
      await new Promise((r) => setTimeout(r, 50));
      await el.updateComplete;
      expect(events).to.deep.equal([]);
      expect(adapter.calls['findOthers']).to.equal(undefined);
      expect(text(shadow(el))).to.equal(before);
      expect(signupQueue()).to.deep.equal([]);
    });

    it('silently drops a sign-up sent faster than a person fills a form; a later one goes through', async () => {
      const adapter = ScriptedAdapter.demo();
      const el = await signupForm(
        { adapter },
        html`<civic-find-the-others min-fill-seconds="0.6"></civic-find-the-others>`,
      );
      await withInterests(el);
      await fill(el, valid);
      const before = text(shadow(el));
      await submit(el);
      await el.updateComplete;
      expect(adapter.calls['findOthers']).to.equal(undefined);
      expect(text(shadow(el))).to.equal(before);
      await new Promise((r) => setTimeout(r, 650));
      await submit(el);
      await results(el);
      expect(adapter.calls['findOthers']).to.have.length(1);
    });
  });

  describe("the data source's form", () => {
    const SERVED = {
      purpose: 'connect',
      text: 'Riverside Trust may put me in touch with people near me who care about the same causes.',
      version: '2026-12',
    };
    const servingForms = (adapter: ScriptedAdapter, minFillSeconds: number) =>
      servingSignupForms(adapter, minFillSeconds, [SERVED]);

    it('shows its consent words, waits its fill time, sends its stamp and shows the receipt it recorded', async () => {
      const adapter = ScriptedAdapter.demo();
      const issued = servingForms(adapter, 0.6);
      const el = await signupForm({ adapter });
      await withInterests(el);
      await settled(el, () => issued.length === 1 && text(shadow(el)).includes(SERVED.text), 'no served words');
      expect(text(shadow(el))).not.to.contain('People nearby who care');
      await fill(el, valid);
      // Sooner than the form's own fill time (the attribute says 0): dropped, silently.
      await submit(el);
      expect(adapter.calls['findOthers']).to.equal(undefined);
      await new Promise((r) => setTimeout(r, 650));
      const sent = await submitted(el);
      expect(sent.signup.form).to.deep.equal({ stamp: 'stamp-1' });
      expect(sent.signup.consent.map((c) => [c.purpose, c.text, c.version])).to.deep.equal([
        ['connect', SERVED.text, SERVED.version],
      ]);
      await results(el);
      const receipt = q(el, '[part="receipt"]');
      expect(text(receipt)).to.contain(SERVED.text);
      expect(text(receipt)).to.contain('version 2026-12');
      expect(text(receipt)).to.match(/December 2026/);
      expect(text(q(el, '#receipt-title'))).to.equal('What you agreed to');
      await expectAccessible(el);
      // Its stamp is used up: the next sign-up gets a new form.
      await settled(el, () => issued.length === 2, 'no new form after the sign-up');
    });

    it('fetches a new form when the data source refuses the stamp, and sending again works', async () => {
      const adapter = ScriptedAdapter.demo();
      const issued = servingForms(adapter, 0);
      const findOthers = adapter.findOthers.bind(adapter);
      let refused = false;
      adapter.findOthers = (signup, o) => {
        if (refused) return findOthers(signup, o);
        refused = true;
        return Promise.reject(
          new CivicError('invalid-request', 'The form was sent too soon', {
            fields: { 'form.stamp': 'Sent too soon: wait 3 s after the form is shown' },
          }),
        );
      };
      const el = await signupForm({ adapter });
      await withInterests(el);
      await settled(el, () => issued.length === 1, 'no form');
      await fill(el, valid);
      await submit(el);
      await settled(el, () => text(q(el, '[part="error-summary"]')).includes('Sent too soon'), 'no message');
      await expectAccessible(el);
      await settled(el, () => issued.length === 2, 'no new form after the refusal');
      const again = await submitted(el);
      expect(again.signup.form).to.deep.equal({ stamp: 'stamp-2' });
      expect(again.signup.name).to.equal(valid.name);
      await results(el);
    });
  });

  describe('results', () => {
    it('says how many nearby share each interest, shows nearby initiatives and what happens next', async () => {
      const adapter = ScriptedAdapter.demo();
      const el = await signupForm({ adapter });
      await withInterests(el);
      await fill(el, { ...valid, radius: '10' });
      const expected = await ScriptedAdapter.demo().findOthers(
        {
          name: 'x',
          email: 'x@example.org',
          place: { text: 'Bristol' },
          radiusKm: 10,
          interests: ['repair', 'energy'],
          consent: [],
        },
        { idempotencyKey: 'expected' },
      );
      const done = oneEvent(el, 'civic-signup-done');
      await submit(el);
      expect(text(shadow(el))).to.contain('Sending your sign-up');
      const e = (await done) as unknown as CivicSignupDoneEvent;
      await results(el);
      expect(e.matches?.nearbyCount).to.equal(expected.nearbyCount);
      const panel = q(el, '[part="results"]')!;
      expect(active(el)).to.equal(panel);
      expect(text(panel.querySelector('h2'))).to.equal('You have signed up');
      expect(text(panel)).to.contain(`${expected.nearbyCount} people within 10 km have signed up`);
      const lines = [...panel.querySelectorAll('[part="shared-interests"] li')].map((li) => text(li));
      expect(lines).to.deep.equal(
        expected.sharedInterests.map(
          (s) =>
            `${s.interest === 'repair' ? 'Repair and reuse' : 'Community energy'}: ${s.count} ${s.count === 1 ? 'person' : 'people'}`,
        ),
      );
      const cards = [...panel.querySelectorAll('civic-initiative-card')];
      expect(cards.map((c) => (c.initiative as { id: string }).id)).to.deep.equal(
        expected.initiatives.map((i) => i.id),
      );
      expect(cards.length).to.be.greaterThan(0);
      expect(cards[0]!.getAttribute('heading-level')).to.equal('4');
      expect(text(panel)).to.contain('What happens next');
      expect(text(panel), 'nobody else’s details').not.to.match(/@/);
      expect(q(el, 'form'), 'the form is gone').to.equal(null);
      await Promise.all(cards.map((c) => c.updateComplete));
      await expectAccessible(el);
    });

    it('says "fewer than" for counts the data source withholds, and the radius it matched within', async () => {
      const adapter = ScriptedAdapter.demo();
      adapter.findOthers = async () =>
        Promise.resolve({
          nearbyCount: 0,
          sharedInterests: [
            { interest: 'repair', label: 'Repair and reuse', count: 0 },
            { interest: 'energy', label: 'Community energy', count: 4 },
          ],
          initiatives: [],
          fewerThan: 3,
          radiusKm: 3,
        });
      const el = await signupForm({ adapter });
      await withInterests(el);
      await fill(el, { ...valid, radius: '1', interests: ['repair', 'energy'] });
      await submit(el);
      await results(el);
      const panel = q(el, '[part="results"]')!;
      expect(text(panel)).to.contain('Fewer than 3 people within 3 km have signed up so far.');
      expect(text(panel)).not.to.contain('You are the first');
      const lines = [...panel.querySelectorAll('[part="shared-interests"] li')].map((li) => text(li));
      expect(lines).to.deep.equal(['Repair and reuse: fewer than 3 people', 'Community energy: 4 people']);
      await expectAccessible(el);
    });

    it('says so when nobody is near yet', async () => {
      const el = await signupForm({ adapter: ScriptedAdapter.demo() });
      await withInterests(el);
      await fill(el, { ...valid, place: 'Lyon', radius: '1', interests: ['youth'] });
      await submit(el);
      await results(el);
      const t = text(q(el, '[part="results"]'));
      expect(t).to.match(/Nobody within 1 km has signed up yet|1 person within 1 km|people within 1 km/);
      await expectAccessible(el);
    });

    it('shows a visible error, and keeps the answers, when the data source sends malformed matches', async () => {
      const adapter: CivicAdapter = {
        capabilities: new Set(['find-others']),
        listInitiatives: async () => ({ items: [] }),
        getInitiative: async () => Promise.reject(new CivicError('not-found', 'no')),
        getPoll: async () => Promise.reject(new CivicError('not-found', 'no')),
        findOthers: async () => ({ nearbyCount: 'lots', initiatives: [{ id: 7 }] }) as unknown as Matches,
      };
      const el = await signupForm({ adapter });
      await fill(el, { ...valid, interests: [] });
      const done = oneEvent(el, 'civic-signup-done');
      await submit(el);
      const e = (await done) as unknown as CivicSignupDoneEvent;
      expect(e.error?.code).to.equal('invalid-response');
      await settled(el, () => q(el, '[role="alert"]'));
      expect(text(q(el, '[role="alert"]'))).to.contain('The data source sent something this page cannot show');
      expect(q<HTMLInputElement>(el, '#email')!.value).to.equal('ada@example.org');
      expect(q(el, '[part="results"]')).to.equal(null);
      await expectAccessible(el);
    });
  });

  describe('nothing lost', () => {
    it('keeps every value after a failure and retries with the same key', async () => {
      const adapter = ScriptedAdapter.demo().failNext('findOthers', 'rate-limited');
      const el = await signupForm({ adapter });
      await withInterests(el);
      await fill(el, { ...valid, message: 'See you there', consents: ['connect', 'news'] });
      const done = oneEvent(el, 'civic-signup-done');
      await submit(el);
      expect(((await done) as unknown as CivicSignupDoneEvent).error?.code).to.equal('rate-limited');
      await settled(el, () => q(el, '[role="alert"]'));
      expect(text(q(el, '[role="alert"]'))).to.contain('Your sign-up was not sent. Too many requests.');
      expect(q<HTMLInputElement>(el, '#name')!.value).to.equal('Ada Lovelace');
      expect(q<HTMLInputElement>(el, '#place')!.value).to.equal('Bristol');
      expect(q<HTMLTextAreaElement>(el, '#message')!.value).to.equal('See you there');
      expect(qa<HTMLInputElement>(el, 'input[name="interests"]:checked').map((c) => c.value)).to.deep.equal([
        'repair',
        'energy',
      ]);
      expect(qa<HTMLInputElement>(el, 'input[name="consent"]:checked').map((c) => c.value)).to.deep.equal([
        'connect',
        'news',
      ]);
      const button = q<HTMLButtonElement>(el, '[part="submit-button"]')!;
      expect(text(button)).to.equal('Send again');
      await expectAccessible(el);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await results(el);
      const keys = keysOf(adapter);
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
    });

    it('queues a sign-up the network lost, says so, and sends it once when back online', async () => {
      const adapter = ScriptedAdapter.demo().failNext('findOthers', 'network');
      const el = await signupForm({ adapter });
      await withInterests(el);
      await fill(el, valid);
      const done = oneEvent(el, 'civic-signup-done');
      await submit(el);
      const e = (await done) as unknown as CivicSignupDoneEvent;
      expect(e.queued).to.equal(true);
      expect(e.error?.code).to.equal('network');
      await el.updateComplete;
      expect(text(q(el, '[part="message"]'))).to.contain('Your sign-up is saved on this device');
      expect(text(q(el, '[part="submit-button"]'))).to.equal('Send now');
      const queued = signupQueue();
      expect(queued).to.have.length(1);
      expect(Object.keys(queued[0]!.payload).sort()).to.deep.equal([
        'consent',
        'email',
        'interests',
        'name',
        'place',
        'radiusKm',
      ]);
      expect(localStorage.getItem('civic-kit:outbox')).to.contain(queued[0]!.key);
      await expectAccessible(el);
      window.dispatchEvent(new Event('online'));
      await results(el);
      expect(signupQueue(), 'purged once confirmed').to.deep.equal([]);
      const keys = keysOf(adapter);
      expect(keys).to.deep.equal([queued[0]!.key, queued[0]!.key]);
    });

    it('queues a sign-up the data source never answers once send-timeout passes, and stores it once', async () => {
      const adapter = ScriptedAdapter.demo();
      const el = await signupForm({ adapter, sendTimeout: 0.2 });
      await withInterests(el);
      await fill(el, valid);
      const gate = adapter.hold('findOthers');
      const done = oneEvent(el, 'civic-signup-done');
      await submit(el);
      await gate.arrived;
      const e = (await done) as unknown as CivicSignupDoneEvent;
      expect(e.queued, 'queued after the deadline').to.equal(true);
      const first = adapter.calls['findOthers']![0]![1] as WriteOptions;
      expect(first.signal?.aborted, 'the unanswered call was aborted').to.equal(true);
      await el.updateComplete;
      expect(text(q(el, '[part="message"]'))).to.contain('Your sign-up is saved on this device');
      gate.release(); // the first call may still land: the key keeps it to one sign-up
      window.dispatchEvent(new Event('online'));
      await results(el);
      const keys = keysOf(adapter);
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
      expect(signupQueue(), 'purged once confirmed').to.deep.equal([]);
    });

    it('does not ask the adapter while the browser is offline, and sends when it is back', async () => {
      const adapter = ScriptedAdapter.demo();
      const el = await signupForm({ adapter });
      await withInterests(el);
      await fill(el, valid);
      const back = stubOnline(false);
      restore.push(back);
      await submit(el);
      expect(adapter.calls['findOthers']).to.equal(undefined);
      expect(signupQueue()).to.have.length(1);
      expect(text(q(el, '[part="message"]'))).to.contain('You seem to be offline');
      window.dispatchEvent(new Event('online'));
      await new Promise((r) => setTimeout(r, 20));
      expect(adapter.calls['findOthers'], 'still offline').to.equal(undefined);
      back();
      window.dispatchEvent(new Event('online'));
      await results(el);
      expect(adapter.calls['findOthers']).to.have.length(1);
    });

    it('keeps a queued sign-up across a reload: the next page shows it and sends it once', async () => {
      const first = ScriptedAdapter.demo().failNext('findOthers', 'network');
      const el = await signupForm({ adapter: first });
      await withInterests(el);
      await fill(el, { ...valid, message: 'Kept' });
      await submit(el);
      await settled(el, () => signupQueue().length === 1);
      const key = signupQueue()[0]!.key;
      el.remove(); // the page goes away
      const adapter = ScriptedAdapter.demo();
      const gate = adapter.hold('findOthers');
      const next = await signupForm({ adapter });
      await gate.arrived;
      await next.updateComplete;
      expect(q<HTMLInputElement>(next, '#name')!.value, 'what was entered is back').to.equal('Ada Lovelace');
      expect(q<HTMLTextAreaElement>(next, '#message')!.value).to.equal('Kept');
      gate.release();
      await results(next);
      expect(keysOf(adapter)).to.deep.equal([key]);
      expect(signupQueue()).to.deep.equal([]);
    });

    it('stores 100 sign-ups exactly once each through a data source that fails half the time', async function () {
      this.timeout(60_000);
      const stored: string[] = [];
      const responses = new Map<string, Matches>();
      let call = 0;
      // A server that honours idempotency keys; half the calls fail, half of those after the write.
      const adapter: CivicAdapter = {
        capabilities: new Set(['find-others']),
        listInitiatives: async () => ({ items: [] }),
        getInitiative: async () => Promise.reject(new CivicError('not-found', 'no')),
        getPoll: async () => Promise.reject(new CivicError('not-found', 'no')),
        findOthers: async (signup, { idempotencyKey }) => {
          const n = call++;
          await new Promise((r) => setTimeout(r, 0));
          if (n % 4 === 0) throw new CivicError('network', 'lost on the way there');
          let response = responses.get(idempotencyKey);
          if (!response) {
            stored.push(signup.email);
            response = { nearbyCount: stored.length - 1, sharedInterests: [], initiatives: [] };
            responses.set(idempotencyKey, response);
          }
          if (n % 4 === 1) throw new CivicError('network', 'lost on the way back');
          return response;
        },
      };
      const forms: CivicFindTheOthers[] = [];
      for (let i = 0; i < 100; i++) {
        const el = await signupForm({ adapter });
        await fill(el, { ...valid, interests: [], email: `person${i}@example.org` });
        await submit(el);
        await settled(el, () => el.shadowRoot!.querySelector('form')?.getAttribute('aria-busy') !== 'true');
        forms.push(el);
      }
      for (let round = 0; round < 20 && signupQueue().length; round++) {
        window.dispatchEvent(new Event('online'));
        await waitUntil(() => forms.every((f) => !f.shadowRoot!.querySelector('form[aria-busy="true"]')));
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(signupQueue()).to.deep.equal([]);
      // A form learns of its delivered sign-up from the write path, then renders: wait for that, not
      // for one update.
      await waitUntil(() => forms.every((f) => q(f, '[part="results"]')), 'every form shows its results', {
        timeout: 20_000,
      });
      expect(forms.filter((f) => q(f, '[part="results"]'))).to.have.length(100);
      expect(stored).to.have.length(100);
      expect(new Set(stored).size).to.equal(100);
      expect(call, 'some calls failed and were retried').to.be.greaterThan(100);
    });
  });

  describe('events', () => {
    it('fires a cancelable civic-signup before the write; a host that cancels handles it itself', async () => {
      const adapter = ScriptedAdapter.demo();
      const el = await signupForm({ adapter });
      await withInterests(el);
      await fill(el, valid);
      el.addEventListener('civic-signup', (e) => e.preventDefault(), { once: true });
      const event = oneEvent(el, 'civic-signup');
      await submit(el);
      const e = (await event) as unknown as CivicSignupEvent;
      expect(e.cancelable).to.equal(true);
      expect(e.composed).to.equal(true);
      expect(e.idempotencyKey).to.be.a('string');
      expect(e.signup.email).to.equal('ada@example.org');
      await el.updateComplete;
      expect(adapter.calls['findOthers']).to.equal(undefined);
      expect(signupQueue()).to.deep.equal([]);
      const done = oneEvent(el, 'civic-signup-done');
      await submit(el);
      const ok = (await done) as unknown as CivicSignupDoneEvent;
      expect(ok.matches).to.exist;
      expect(ok.error).to.equal(undefined);
      expect(ok.idempotencyKey).to.equal(e.idempotencyKey);
    });

    it('says so when the data source cannot take sign-ups', async () => {
      const el = await signupForm({ adapter: ScriptedAdapter.demo({ without: ['find-others'] }) });
      await withInterests(el);
      await fill(el, valid);
      await submit(el);
      await settled(el, () => q(el, '[role="alert"]'));
      expect(text(q(el, '[role="alert"]'))).to.contain('cannot do that');
      await expectAccessible(el);
    });
  });

  describe('layout and language', () => {
    it('keeps everything inside 320 px, with targets of at least 24 × 24 px', async () => {
      const el = await signupForm({ adapter: ScriptedAdapter.demo() });
      el.style.width = '320px';
      await withInterests(el);
      await submit(el);
      const base = q(el, '[part="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      for (const target of qa(el, 'input:not([tabindex="-1"]), button, select')) {
        const r = target.getBoundingClientRect();
        expect(Math.min(r.width, r.height), target.id || target.getAttribute('part') || '').to.be.at.least(24);
      }
      await expectAccessible(el);
      await fill(el, valid);
      await submit(el);
      await results(el);
      expect(base.isConnected ? base.scrollWidth : 0).to.be.at.most(base.clientWidth + 1);
      const panel = q(el, '[part="results"]')!;
      expect(panel.scrollWidth).to.be.at.most(panel.clientWidth + 1);
      await expectAccessible(el);
    });

    it('speaks Arabic right to left, with Arabic plural forms', async () => {
      const el = await signupForm(
        { adapter: ScriptedAdapter.demo() },
        html`<civic-find-the-others lang="ar" min-fill-seconds="0"></civic-find-the-others>`,
      );
      await withInterests(el);
      expect(getComputedStyle(q(el, '[part="base"]')!).direction).to.equal('rtl');
      expect(text(q(el, 'label[for="name"]'))).to.equal('الاسم الكامل');
      await submit(el);
      expect(text(q(el, '[part="error-summary"] h2'))).to.equal('هناك مشكلة');
      expect(text(q(el, '#name-error'))).to.equal('خطأ: اكتب اسمك الكامل');
      await expectAccessible(el);
      const ar = findTheOthersStrings.ar;
      expect(ar.signupNearby(2, '٢', '٥ كم')).to.contain('شخصان');
      expect(ar.signupNearby(3, '٣', '٥ كم')).to.contain('٣ أشخاص');
      expect(ar.signupNearby(11, '١١', '٥ كم')).to.contain('١١ شخصًا');
      expect(findTheOthersStrings.en.signupNearby(1, '1', '5 km')).to.equal('1 person within 5 km has signed up.');
      expect(findTheOthersStrings.de.signupSharedCount(3, '3', 'Energie')).to.equal('Energie: 3 Personen');
    });

    it('takes per-instance string overrides', async () => {
      const el = await signupForm({ strings: { signupSubmit: 'Count me in' } });
      expect(text(q(el, '[part="submit-button"]'))).to.equal('Count me in');
    });
  });
});

/** How many people the data source holds near Bristol (asking adds one, the same for every adapter asked). */
async function nearBristol(adapter: ScriptedAdapter): Promise<number> {
  const probe: SignupInput = {
    name: 'Probe',
    email: 'probe@example.org',
    place: { text: 'Bristol', precision: 'area' },
    radiusKm: 5,
    interests: [],
    consent: [],
  };
  const o = { idempotencyKey: `probe-${Math.random()}` };
  return (await MemoryAdapter.prototype.findOthers.call(adapter, probe, o)).nearbyCount;
}

describeWrites({
  tag: '<civic-find-the-others>',
  method: 'findOthers',
  event: 'civic-signup-done',
  adapter: () => ScriptedAdapter.demo(),
  mount: async (adapter, props) => {
    const el = await signupForm({ adapter, ...props });
    // The form with its causes, or (a queued sign-up sent at once) the results.
    await settled(el, () => q(el, '#interest-0') || q(el, '[part="results"]'), 'no form');
    return el;
  },
  write: async (el) => {
    const form = el as CivicFindTheOthers;
    await fill(form, valid);
    await submit(form);
  },
  keptMs: async () => 24 * 3_600_000,
  counted: async (adapter) => (await nearBristol(adapter)) - (await nearBristol(ScriptedAdapter.demo())),
  says: {
    unreachable: /could not be reached\. Your sign-up/,
    offline: /You seem to be offline/,
    thisPage: /as long as this page stays open/,
    done: /You have signed up/,
  },
});
