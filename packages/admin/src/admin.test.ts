/**
 * The admin page against a real server: sign in with a token, add a poll through the form (errors
 * first, the GOV.UK way), vote on it through <civic-poll>, close it from the list and see the final
 * result arrive; delete with confirmation. Driven by the keyboard; axe (WCAG 2.2) in every state.
 */
import '@civic-kit/adapters/rest/register';
import type { Poll } from '@civic-kit/core';
import { CONFORMANCE_FIXTURE } from '@civic-kit/core/testing';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '../../../test/helpers/axe.js';
import { adminToken, closeServer, startServer, type TestServerHandle } from '../../../test/rest-server.js';
import type { CivicAdmin } from './admin-app.js';
import { AdminApi } from './api.js';
import './main.js';

const text = (el: Element | null | undefined) => (el?.shadowRoot ?? el)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const $ = <T extends Element = HTMLElement>(admin: CivicAdmin, selector: string) =>
  admin.shadowRoot!.querySelector<T>(selector);
const button = (admin: CivicAdmin, label: RegExp) =>
  [...admin.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => label.test(b.textContent ?? ''));
const activeId = (admin: CivicAdmin) => admin.shadowRoot!.activeElement?.id || admin.shadowRoot!.activeElement?.tagName;

/** Focus a field and type into it, as a person would. */
async function type(admin: CivicAdmin, id: string, value: string): Promise<void> {
  $(admin, `#${id}`)!.focus();
  await sendKeys({ type: value });
}
/** Activate a button by keyboard. */
async function press(admin: CivicAdmin, label: RegExp): Promise<void> {
  const b = button(admin, label);
  expect(b, `a button ${label}`).to.exist;
  b!.focus();
  await sendKeys({ press: 'Enter' });
}

describe('<civic-admin> against the real server', () => {
  let server: TestServerHandle;
  let token: string;
  beforeEach(async () => {
    sessionStorage.clear();
    server = await startServer(CONFORMANCE_FIXTURE);
    token = (await adminToken(server.id)).token;
  });
  /** Pages a test made itself (not through fixture()), removed after it. */
  const pages: HTMLElement[] = [];
  afterEach(async () => {
    for (const page of pages.splice(0)) page.remove();
    sessionStorage.clear();
    await closeServer(server.id);
  });

  it('signs in with a token; a wrong one gets an error summary and an inline message', async () => {
    const admin = await fixture<CivicAdmin>(html`<civic-admin api=${server.url}></civic-admin>`);
    await expectAccessible(admin);
    await type(admin, 'token', 'civic_admin_wrong');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(admin, '.error-summary'), 'no error summary', { timeout: 5000 });
    expect(activeId(admin)).to.equal('DIV');
    expect(text($(admin, '.error-summary'))).to.contain('That token is not valid or was revoked');
    expect($(admin, '#token')!.getAttribute('aria-describedby')).to.equal('token-hint token-error');
    expect(text($(admin, '#token-error'))).to.equal(
      'Error: That token is not valid or was revoked: check it, or ask for a new one',
    );
    await expectAccessible(admin);
    // The summary's link takes focus to the field.
    $(admin, '.error-summary a')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(activeId(admin)).to.equal('token');

    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'a' });
    await sendKeys({ up: 'Control' });
    await sendKeys({ type: token });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(admin).includes('Signed in as Browser test (organiser)'), 'not signed in', {
      timeout: 5000,
    });
    expect(text($(admin, 'h1'))).to.equal('Initiatives');
    expect(text(admin)).to.contain('Repair café');
    await expectAccessible(admin);
    expect(sessionStorage.getItem('civic-admin-token')).to.equal(token);
  });

  it('adds a poll through the form, a visitor votes in <civic-poll>, the organiser closes it and the final result shows', async function () {
    // Three real round trips to the server and two elements' first renders.
    this.timeout(30_000);
    sessionStorage.setItem('civic-admin-token', token);
    // A plain page, not fixture(): fixture() waits for an animation frame for a plain root, and a
    // test page in a background tab never paints one.
    const page = document.createElement('div');
    pages.push(page);
    render(html`<civic-admin api=${server.url}></civic-admin>`, page);
    document.body.append(page);
    const admin = page.querySelector('civic-admin')!;
    await waitUntil(() => button(admin, /^\s*Polls\s*$/), 'no lists', { timeout: 5000 });
    await press(admin, /^\s*Polls\s*$/);
    expect(text($(admin, 'h1'))).to.equal('Polls');
    await press(admin, /Add a poll/);
    expect(activeId(admin)).to.equal('H1');
    expect(text($(admin, 'h1'))).to.equal('Add a poll');
    await expectAccessible(admin);

    // Sent empty: every problem in the summary (which takes focus) and beside its field; nothing sent.
    await press(admin, /Add the poll/);
    await waitUntil(() => $(admin, '.error-summary'), 'no error summary');
    expect(activeId(admin)).to.equal('DIV');
    const summary = [...admin.shadowRoot!.querySelectorAll('.error-summary li')].map((li) => text(li));
    expect(summary).to.deep.equal([
      'Enter an id, or a question to make one from',
      'Enter the question',
      'Enter the text of option 1, or remove it',
      'Enter the text of option 2, or remove it',
    ]);
    expect(text($(admin, '#question-error'))).to.equal('Error: Enter the question');
    expect($(admin, '#question')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(admin, '.preview'))).to.contain('The preview shows once every field above is filled in correctly');
    await expectAccessible(admin);

    await type(admin, 'question', 'Which day for the litter pick?');
    await type(admin, 'option-0', 'Saturday');
    await type(admin, 'option-1', 'Sunday');
    await press(admin, /Add another option/);
    expect(activeId(admin)).to.equal('option-2');
    await sendKeys({ type: 'Monday' });
    $(admin, '#anonymous')!.focus();
    await sendKeys({ press: 'Space' });
    expect($<HTMLInputElement>(admin, '#anonymous')!.checked).to.equal(true);

    // The live preview is the real element, with what was typed.
    const preview = $(admin, '.preview civic-poll') as HTMLElement & { poll: Poll };
    expect(preview).to.exist;
    expect(preview.poll.options.map((o) => o.label)).to.deep.equal(['Saturday', 'Sunday', 'Monday']);
    await waitUntil(() => text(preview).includes('Which day for the litter pick?'), 'preview not drawn');
    await expectAccessible(admin);

    await press(admin, /Add the poll/);
    await waitUntil(
      () => text($(admin, '[role="status"]')).includes('Added “Which day for the litter pick?”'),
      'not added',
      {
        timeout: 5000,
      },
    );
    expect(text($(admin, 'h1'))).to.equal('Polls');
    expect(text(admin)).to.contain('which-day-for-the-litter-pick');

    // A visitor votes on the community page.
    const community = document.createElement('div');
    page.append(community);
    community.innerHTML = `<civic-provider adapter="rest" endpoint="${server.url}"><civic-poll poll-id="which-day-for-the-litter-pick"></civic-poll></civic-provider>`;
    const poll = community.querySelector('civic-poll')!;
    await waitUntil(() => poll.shadowRoot?.querySelector('input[type="radio"]'), 'the poll did not load', {
      timeout: 8000,
    });
    const sunday = [...poll.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find(
      (r) => r.value === 'sunday',
    )!;
    sunday.focus();
    await sendKeys({ press: 'Space' });
    poll.shadowRoot!.querySelector<HTMLButtonElement>('[part="vote-button"]')!.click();
    await waitUntil(() => text(poll).includes('1 person has voted'), `no vote counted: ${text(poll)}`, {
      timeout: 8000,
    });
    expect(text(poll)).to.contain('Results so far');

    // The organiser closes it; the page's poll hears it and shows the final result.
    await press(admin, /^\s*Polls\s*$/);
    await waitUntil(() => text(admin).includes('Which day for the litter pick?'), 'list not loaded');
    await press(admin, /Close\s+“Which day for the litter pick\?”/);
    await waitUntil(
      () => text($(admin, '[role="status"]')).includes('Closed “Which day for the litter pick?”'),
      'not closed',
      {
        timeout: 5000,
      },
    );
    await waitUntil(() => text(poll).includes('This poll closed on'), `the poll did not close: ${text(poll)}`, {
      timeout: 8000,
    });
    expect(text(poll)).to.contain('Results');
    expect(text(poll)).not.to.contain('Results so far');
    expect(text(poll)).to.contain('1 person has voted');
    expect(text(poll)).not.to.contain('>Vote<');
    expect(poll.shadowRoot!.querySelector('[part="vote-button"]')).to.equal(null);
    const row = [...admin.shadowRoot!.querySelectorAll('tbody tr')].find((r) =>
      r.textContent?.includes('litter pick'),
    )!;
    expect(text(row)).to.match(/Closed 1 Yes/);
    await expectAccessible(admin);
  });

  it('tells an organiser whose edit came second to read the item again, and keeps the other edit', async () => {
    sessionStorage.setItem('civic-admin-token', token);
    const admin = await fixture<CivicAdmin>(html`<civic-admin api=${server.url}></civic-admin>`);
    await waitUntil(() => button(admin, /Edit\s+“Repair café”/), 'no lists', { timeout: 5000 });
    await press(admin, /Edit\s+“Repair café”/);
    expect(text($(admin, 'h1'))).to.equal('Edit the initiative');
    expect($<HTMLInputElement>(admin, '#title')!.value).to.equal('Repair café');
    // Meanwhile another organiser saves a change.
    const other = new AdminApi(server.url, token);
    const current = await other.request<{ initiative: Record<string, unknown> }>('GET', '/initiatives/c-repair');
    await other.request('PUT', '/initiatives/c-repair', {
      body: { ...current.body.initiative, summary: 'Their edit' },
      ifMatch: current.etag,
    });
    $(admin, '#goal')!.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'a' });
    await sendKeys({ up: 'Control' });
    await sendKeys({ type: '0' });
    await press(admin, /Save changes/);
    await waitUntil(() => $(admin, '.error-summary'), 'no error summary');
    expect(text($(admin, '#goal-error'))).to.equal('Error: Enter the goal as a whole number, 1 or more');
    $(admin, '#goal')!.focus();
    await sendKeys({ press: 'Backspace' });
    await press(admin, /Save changes/);
    await waitUntil(
      () => text($(admin, '.error-summary')).includes('Someone else changed this item'),
      'no conflict shown',
      {
        timeout: 5000,
      },
    );
    expect(activeId(admin)).to.equal('DIV');
    await expectAccessible(admin);
    const after = await other.request<{ initiative: { summary: string; supporters: { goal: number } } }>(
      'GET',
      '/initiatives/c-repair',
    );
    expect(after.body.initiative.summary).to.equal('Their edit');
    expect(after.body.initiative.supporters.goal).to.equal(50);
  });

  it('shows a moderator only what a moderator may do', async () => {
    const moderator = (await adminToken(server.id, 'moderator')).token;
    sessionStorage.setItem('civic-admin-token', moderator);
    const admin = await fixture<CivicAdmin>(html`<civic-admin api=${server.url}></civic-admin>`);
    await waitUntil(() => text(admin).includes('Signed in as Browser test (moderator)'), 'not signed in', {
      timeout: 5000,
    });
    expect(button(admin, /Add an initiative|Edit|Delete|Close/)).to.equal(undefined);
    await press(admin, /Hide\s+“Repair café”/);
    await waitUntil(() => text($(admin, '[role="status"]')).includes('Hid “Repair café”'), 'not hidden', {
      timeout: 5000,
    });
    expect(button(admin, /Show\s+“Repair café”/)).to.exist;
    const pub = await fetch(`${server.url}/initiatives/c-repair`);
    expect(pub.status).to.equal(404);
    await press(admin, /Sign-ups/);
    expect(button(admin, /Download/)).to.equal(undefined);
    await expectAccessible(admin);
  });

  it('changes the site settings: a consent text with its version, another site allowed', async () => {
    sessionStorage.setItem('civic-admin-token', token);
    const admin = await fixture<CivicAdmin>(html`<civic-admin api=${server.url}></civic-admin>`);
    await waitUntil(() => button(admin, /^\s*Settings\s*$/), 'no lists', { timeout: 5000 });
    await press(admin, /^\s*Settings\s*$/);
    await press(admin, /Change the settings/);
    expect(text($(admin, 'h1'))).to.equal('Change the settings');
    await press(admin, /Add a consent/);
    expect(activeId(admin)).to.equal('consent-0-purpose');
    await sendKeys({ type: 'contact' });
    await type(admin, 'allowedOrigins', 'https://our-town.example/events');
    await press(admin, /Save the settings/);
    await waitUntil(() => $(admin, '.error-summary'), 'no error summary');
    expect([...admin.shadowRoot!.querySelectorAll('.error-summary li')].map((li) => text(li))).to.deep.equal([
      '“https://our-town.example/events” is not a site address: enter only the start, like https://our-town.example',
      'Enter the words people agree to in consent 1',
      'Enter the version of consent 1, like 2026-12',
    ]);
    await expectAccessible(admin);
    $<HTMLTextAreaElement>(admin, '#allowedOrigins')!.value = '';
    await type(admin, 'allowedOrigins', 'https://our-town.example');
    $(admin, '#allowedOrigins')!.dispatchEvent(new Event('input'));
    await type(admin, 'consent-0-text', 'Our group may email me about projects near me.');
    await type(admin, 'consent-0-version', '2026-12');
    await press(admin, /Save the settings/);
    await waitUntil(() => text($(admin, '[role="status"]')).includes('Saved the settings'), 'not saved', {
      timeout: 5000,
    });
    expect(text($(admin, '.settings'))).to.contain('https://our-town.example');
    expect(text($(admin, '.settings'))).to.contain('contact (version 2026-12)');
    const saved = await new AdminApi(server.url, token).request<{ settings: { consents: unknown[] } }>(
      'GET',
      '/settings',
    );
    expect(saved.body.settings.consents).to.deep.equal([
      { purpose: 'contact', text: 'Our group may email me about projects near me.', version: '2026-12' },
    ]);
    await expectAccessible(admin);
  });

  it('asks before deleting, and keeps a poll with votes', async () => {
    sessionStorage.setItem('civic-admin-token', token);
    const admin = await fixture<CivicAdmin>(html`<civic-admin api=${server.url}></civic-admin>`);
    await waitUntil(() => button(admin, /^\s*Polls\s*$/), 'no lists', { timeout: 5000 });
    await press(admin, /^\s*Polls\s*$/);
    const question = CONFORMANCE_FIXTURE.polls.find((p) => p.id === 'open-single')!.question;
    await press(admin, new RegExp(`Delete\\s+“${question.replace(/[?.]/g, '\\$&')}”`));
    const dialog = $<HTMLDialogElement>(admin, 'dialog')!;
    await waitUntil(() => dialog.open, 'no confirmation');
    expect(text(dialog)).to.contain(`Delete the poll “${question}”?`);
    await expectAccessible(admin);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'the dialog stayed open');
    expect(text(admin)).to.contain(question);

    await press(admin, new RegExp(`Delete\\s+“${question.replace(/[?.]/g, '\\$&')}”`));
    await waitUntil(() => dialog.open, 'no confirmation');
    await press(admin, /Yes, delete it/);
    await waitUntil(() => !dialog.open && !$(admin, 'button[disabled]'), 'still busy');
    await waitUntil(() => $(admin, '.error-summary'), 'no problem shown');
    expect(text(admin)).to.contain(question);
  });
});
