import type { Initiative, Poll } from '@civic-kit/core';
import { INITIATIVE_STATUSES, POLL_KINDS, RESULTS_VISIBILITY } from '@civic-kit/core';
import { tokenStyles } from '@civic-kit/elements';
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { AdminApi, AdminApiError, type Role } from './api.js';
import {
  fieldOf,
  initiativeDraft,
  initiativeForm,
  pollDraft,
  pollForm,
  settingsDraft,
  settingsForm,
  VISIBILITY_LABELS,
  type FieldError,
  type InitiativeForm,
  type PollForm,
  type SettingsForm,
  type SiteSettings,
} from './drafts.js';

interface AdminInitiative {
  initiative: Initiative;
  hidden: boolean;
  anonymous: boolean;
  supports: number;
  etag: string;
}
interface AdminPoll {
  poll: Poll;
  hidden: boolean;
  anonymous: boolean;
  ballots: number;
  etag: string;
}
interface AdminSignup {
  id: string;
  name: string;
  email: string;
  place: string | null;
  createdAt: string;
  hidden: boolean;
}
interface AuditEntry {
  id: string;
  at: string;
  actor: { name: string; role: Role };
  action: string;
  target: { type: string; id?: string };
}

export const ADMIN_TABS = ['initiatives', 'polls', 'signups', 'settings', 'audit'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];
const TAB_LABELS: Record<AdminTab, string> = {
  initiatives: 'Initiatives',
  polls: 'Polls',
  signups: 'Sign-ups',
  settings: 'Settings',
  audit: 'Audit log',
};
const STATUS_LABELS: Record<Initiative['status'], string> = {
  proposed: 'Proposed',
  active: 'Active',
  completed: 'Completed',
  closed: 'Closed',
};
const KIND_LABELS: Record<Poll['kind'], string> = {
  single: 'One choice',
  multiple: 'Several choices',
  ranked: 'Ranked choices',
};
const TOKEN_KEY = 'civic-admin-token';

type Editing =
  | { kind: 'initiative'; isNew: boolean; form: InitiativeForm; etag?: string | undefined }
  | { kind: 'poll'; isNew: boolean; form: PollForm; etag?: string | undefined }
  | { kind: 'settings'; isNew: false; form: SettingsForm; etag?: string | undefined };

interface Confirm {
  title: string;
  body: string;
  action: string;
  run: () => Promise<void>;
}

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The organisers' page of the reference server: sign in with an admin token, then lists of
 * initiatives, polls and sign-ups, forms with GOV.UK-style validation and a live preview as
 * `<civic-initiative-card>` and `<civic-poll>`, and the audit log.
 *
 * @tagname civic-admin
 * @summary The admin page of the Civic Kit reference server.
 */
export class CivicAdmin extends LitElement {
  /** The server's origin (default: this page's own, as when the server serves the page at /admin/). */
  @property({ type: String }) api = '';

  @state() private token = '';
  @state() private adminRole: Role | undefined;
  @state() private who = '';
  @state() private tab: AdminTab = 'initiatives';
  @state() private initiatives: AdminInitiative[] = [];
  @state() private polls: AdminPoll[] = [];
  @state() private signups: AdminSignup[] = [];
  @state() private audit: AuditEntry[] = [];
  @state() private settings: { settings: SiteSettings; etag: string } | undefined;
  /** The site's default for new items: browsers without a voter token may take part. */
  @state() private anonymousByDefault = false;
  @state() private editing: Editing | undefined;
  @state() private errors: FieldError[] = [];
  /** A problem that belongs to no field (a conflict, the network). */
  @state() private problem = '';
  @state() private notice = '';
  @state() private busy = false;
  @state() private confirming: Confirm | undefined;

  @query('dialog') private dialog!: HTMLDialogElement | null;

  private client(): AdminApi {
    return new AdminApi(this.api, this.token);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved) void this.signIn(saved, false);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('confirming') && this.confirming && this.dialog && !this.dialog.open) this.dialog.showModal();
  }

  // ─── actions

  private async signIn(token: string, fromForm: boolean): Promise<void> {
    this.token = token.trim();
    if (!this.token) {
      this.showErrors([{ field: 'token', message: 'Enter your admin token' }]);
      return;
    }
    try {
      const me = await this.client().request<{ name: string; role: Role }>('GET', '/me');
      await this.load();
      this.adminRole = me.body.role;
      this.who = me.body.name;
      sessionStorage.setItem(TOKEN_KEY, this.token);
      this.errors = [];
      this.problem = '';
      if (fromForm) await this.focusHeading();
    } catch (e) {
      this.token = '';
      this.adminRole = undefined;
      sessionStorage.removeItem(TOKEN_KEY);
      if (fromForm)
        this.showErrors([
          {
            field: 'token',
            message:
              e instanceof AdminApiError && e.status === 401
                ? 'That token is not valid or was revoked: check it, or ask for a new one'
                : e instanceof Error
                  ? e.message
                  : String(e),
          },
        ]);
    }
  }

  private signOut(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    this.token = '';
    this.adminRole = undefined;
    this.editing = undefined;
    this.notice = 'You have signed out.';
  }

  private async load(): Promise<void> {
    const api = this.client();
    const [i, p, s, a, settings] = await Promise.all([
      api.request<{ items: AdminInitiative[] }>('GET', '/initiatives'),
      api.request<{ items: AdminPoll[] }>('GET', '/polls'),
      api.request<{ items: AdminSignup[] }>('GET', '/signups'),
      api.request<{ items: AuditEntry[] }>('GET', '/audit?limit=50'),
      api.request<{ settings: SiteSettings; etag: string }>('GET', '/settings'),
    ]);
    this.settings = settings.body;
    this.anonymousByDefault = settings.body.settings.anonymousParticipation;
    this.initiatives = i.body.items;
    this.polls = p.body.items;
    this.signups = s.body.items;
    this.audit = a.body.items;
  }

  /** Run an action from a list; say what happened in the status line; reload the lists. */
  private async act(done: string, run: () => Promise<unknown>): Promise<void> {
    this.busy = true;
    this.problem = '';
    this.notice = '';
    let said = '';
    try {
      await run();
      said = done;
    } catch (e) {
      this.problem =
        e instanceof AdminApiError && e.status === 412
          ? 'Someone else changed this item since the list was loaded. The list is up to date now: check it and try again.'
          : e instanceof Error
            ? e.message
            : String(e);
    }
    // The lists first, then the status line: what it says is then true of what is shown.
    await this.load().catch(() => undefined);
    this.busy = false;
    this.notice = said;
    if (this.problem) await this.focusSummary();
  }

  private async openForm(editing: Editing): Promise<void> {
    this.editing = editing;
    this.errors = [];
    this.problem = '';
    this.notice = '';
    await this.focusHeading();
  }

  private async closeForm(message = ''): Promise<void> {
    this.editing = undefined;
    this.errors = [];
    this.notice = message;
    await this.focusHeading();
  }

  private async save(): Promise<void> {
    const e = this.editing;
    if (!e) return;
    if (e.kind === 'settings') return this.saveSettings(e.form, e.etag);
    const { draft, errors } = e.kind === 'initiative' ? initiativeDraft(e.form, e.isNew) : pollDraft(e.form, e.isNew);
    if (errors.length) {
      this.showErrors(errors);
      return;
    }
    const path = `/${e.kind}s${e.isNew ? '' : `/${encodeURIComponent(draft.id)}`}`;
    this.busy = true;
    try {
      await this.client().request(e.isNew ? 'POST' : 'PUT', path, {
        body: { ...draft, anonymous: e.form.anonymous },
        ifMatch: e.etag,
      });
      await this.load();
      const name = e.kind === 'initiative' ? (draft as Initiative).title : (draft as Poll).question;
      await this.closeForm(`${e.isNew ? 'Added' : 'Saved'} “${name}”.`);
    } catch (err) {
      if (err instanceof AdminApiError && err.fields.length && err.status !== 412 && err.status !== 428)
        this.showErrors(
          err.fields.map((f) => ({ field: fieldOf(f.pointer), message: f.detail })),
          err.message,
        );
      else {
        this.errors = [];
        this.problem =
          err instanceof AdminApiError && err.status === 412
            ? 'Someone else changed this item while you were editing it. Copy your changes, go back to the list and edit it again.'
            : err instanceof Error
              ? err.message
              : String(err);
        await this.focusSummary();
      }
    } finally {
      this.busy = false;
    }
  }

  private async saveSettings(form: SettingsForm, etag: string | undefined): Promise<void> {
    const { draft, errors } = settingsDraft(form);
    if (errors.length) return this.showErrors(errors);
    this.busy = true;
    try {
      await this.client().request('PUT', '/settings', { body: draft, ifMatch: etag });
      await this.load();
      await this.closeForm('Saved the settings.');
    } catch (err) {
      if (err instanceof AdminApiError && err.fields.length && err.status === 400)
        this.showErrors(err.fields.map((f) => ({ field: fieldOf(f.pointer), message: f.detail })));
      else {
        this.errors = [];
        this.problem =
          err instanceof AdminApiError && err.status === 412
            ? 'Someone else changed the settings while you were editing them. Go back, check them and make your change again.'
            : err instanceof Error
              ? err.message
              : String(err);
        await this.focusSummary();
      }
    } finally {
      this.busy = false;
    }
  }

  private showErrors(errors: FieldError[], problem = ''): void {
    this.errors = errors;
    this.problem = errors.length ? '' : problem;
    void this.focusSummary();
  }

  private async focusSummary(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  private async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private focusField(field: string, e: Event): void {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus();
  }

  private askToDelete(confirm: Confirm): void {
    this.confirming = confirm;
  }

  private async confirmed(): Promise<void> {
    const c = this.confirming;
    this.dialog?.close();
    this.confirming = undefined;
    if (c) await this.act(c.action, c.run);
  }

  private async download(): Promise<void> {
    await this.act('Downloaded the sign-ups (OSDI JSON).', async () => {
      const { body } = await this.client().request<unknown>('GET', '/signups/export');
      const url = URL.createObjectURL(new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'signups.osdi.json';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  }

  // ─── rendering

  private errorFor(field: string) {
    return this.errors.find((e) => e.field === field);
  }

  private summary(): TemplateResult | typeof nothing {
    if (!this.errors.length && !this.problem) return nothing;
    return html`<div class="error-summary" tabindex="-1" aria-labelledby="summary-title">
      <h2 id="summary-title">There is a problem</h2>
      ${this.problem ? html`<p>${this.problem}</p>` : nothing}
      ${
        this.errors.length
          ? html`<ul>
              ${this.errors.map(
                (e) =>
                  html`<li>
                    <a href="#${e.field}" @click=${(ev: Event) => this.focusField(e.field, ev)}>${e.message}</a>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    </div>`;
  }

  /** A labelled text input with hint and inline error. */
  private field(
    name: string,
    label: string,
    value: string,
    set: (v: string) => void,
    options: { hint?: string; type?: string; multiline?: boolean; width?: string; inputmode?: string } = {},
  ): TemplateResult {
    const error = this.errorFor(name);
    const describedBy = [options.hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
    const onInput = (e: Event) => set((e.target as HTMLInputElement).value);
    return html`<div class="field ${error ? 'field-error' : ''}">
      <label for=${name}>${label}</label>
      ${options.hint ? html`<p class="hint" id="${name}-hint">${options.hint}</p>` : nothing}
      ${
        error
          ? html`<p class="error-message" id="${name}-error">
              <span class="visually-hidden">Error:</span> ${error.message}
            </p>`
          : nothing
      }
      ${
        options.multiline
          ? html`<textarea
              id=${name}
              name=${name}
              rows="3"
              .value=${value}
              aria-describedby=${describedBy || nothing}
              aria-invalid=${error ? 'true' : nothing}
              @input=${onInput}
            ></textarea>`
          : html`<input
              id=${name}
              name=${name}
              class=${options.width ?? ''}
              type=${options.type ?? 'text'}
              inputmode=${options.inputmode ?? nothing}
              .value=${value}
              aria-describedby=${describedBy || nothing}
              aria-invalid=${error ? 'true' : nothing}
              @input=${onInput}
            />`
      }
    </div>`;
  }

  private select<T extends string>(
    name: string,
    label: string,
    value: T,
    choices: readonly T[],
    labels: Record<T, string>,
    set: (v: T) => void,
  ): TemplateResult {
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <select id=${name} name=${name} @change=${(e: Event) => set((e.target as HTMLSelectElement).value as T)}>
        ${choices.map((c) => html`<option value=${c} ?selected=${c === value}>${labels[c]}</option>`)}
      </select>
    </div>`;
  }

  private checkbox(name: string, label: string, checked: boolean, set: (v: boolean) => void, hint?: string) {
    return html`<div class="field checkbox">
      <input
        type="checkbox"
        id=${name}
        name=${name}
        .checked=${checked}
        aria-describedby=${hint ? `${name}-hint` : nothing}
        @change=${(e: Event) => set((e.target as HTMLInputElement).checked)}
      />
      <label for=${name}>${label}</label>
      ${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : nothing}
    </div>`;
  }

  private update_<F>(patch: Partial<F>): void {
    if (!this.editing) return;
    this.editing = { ...this.editing, form: { ...this.editing.form, ...patch } } as Editing;
  }

  private initiativeFormView(e: Extract<Editing, { kind: 'initiative' }>): TemplateResult {
    const f = e.form;
    const set = (k: keyof InitiativeForm) => (v: string | boolean) => this.update_<InitiativeForm>({ [k]: v });
    const { draft, errors } = initiativeDraft(f, e.isNew);
    return html`
      ${
        e.isNew
          ? this.field('id', 'Id', f.id, set('id'), {
              hint: 'Used in your page, as initiative-id="…". Lower-case letters, numbers and hyphens. Left empty, it is made from the title.',
              width: 'width-20',
            })
          : nothing
      }
      ${this.field('title', 'Title', f.title, set('title'))}
      ${this.field('summary', 'Summary', f.summary, set('summary'), { multiline: true, hint: 'One or two sentences.' })}
      ${this.select('status', 'Status', f.status, INITIATIVE_STATUSES, STATUS_LABELS, set('status'))}
      ${this.field('tags', 'Topics', f.tags, set('tags'), { hint: 'Separated by commas, like: repair, food' })}
      <fieldset>
        <legend>Place (optional)</legend>
        ${this.field('address', 'Address', f.address, set('address'))}
        ${this.field('lat', 'Latitude', f.lat, set('lat'), { hint: 'Like 51.454', width: 'width-10', inputmode: 'decimal' })}
        ${this.field('lng', 'Longitude', f.lng, set('lng'), { hint: 'Like -2.587', width: 'width-10', inputmode: 'decimal' })}
      </fieldset>
      ${this.field('goal', 'Supporters goal (optional)', f.goal, set('goal'), {
        hint: 'How many supporters you are aiming for. The count itself comes only from supporters.',
        width: 'width-10',
        inputmode: 'numeric',
      })}
      ${this.field('url', 'Web page (optional)', f.url, set('url'), { type: 'url', hint: 'Starts with https://' })}
      ${this.checkbox(
        'anonymous',
        'Visitors without an account may support it',
        f.anonymous,
        set('anonymous'),
        'One support per browser. Otherwise supporting needs a voter token from your site.',
      )}
      ${this.preview(
        errors.length
          ? undefined
          : html`<civic-initiative-card .initiative=${draft} no-support heading-level="3"></civic-initiative-card>`,
      )}
    `;
  }

  private pollFormView(e: Extract<Editing, { kind: 'poll' }>): TemplateResult {
    const f = e.form;
    const set = (k: keyof PollForm) => (v: string | boolean) => this.update_<PollForm>({ [k]: v });
    const setOption = (i: number, label: string) =>
      this.update_<PollForm>({ options: f.options.map((o, n) => (n === i ? { ...o, label } : o)) });
    const removeOption = async (i: number) => {
      this.update_<PollForm>({ options: f.options.filter((_, n) => n !== i) });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#option-${Math.max(0, i - 1)}`)?.focus();
    };
    const addOption = async () => {
      this.update_<PollForm>({ options: [...f.options, { label: '' }] });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#option-${f.options.length}`)?.focus();
    };
    const { draft, errors } = pollDraft(f, e.isNew);
    return html`
      ${
        e.isNew
          ? this.field('id', 'Id', f.id, set('id'), {
              hint: 'Used in your page, as poll-id="…". Lower-case letters, numbers and hyphens. Left empty, it is made from the question.',
              width: 'width-20',
            })
          : nothing
      }
      ${this.field('question', 'Question', f.question, set('question'))}
      ${this.field('description', 'Description (optional)', f.description, set('description'), { multiline: true })}
      ${this.select('kind', 'Kind of poll', f.kind, POLL_KINDS, KIND_LABELS, set('kind'))}
      ${
        f.kind !== 'single'
          ? this.field('maxChoices', 'Most options a voter may choose (optional)', f.maxChoices, set('maxChoices'), {
              width: 'width-5',
              inputmode: 'numeric',
            })
          : nothing
      }
      <fieldset>
        <legend>Options</legend>
        ${e.isNew ? nothing : html`<p class="hint">An option that has votes cannot be removed; its text may be corrected.</p>`}
        ${f.options.map(
          (o, i) =>
            html`<div class="option-row">
              ${this.field(`option-${i}`, `Option ${i + 1}`, o.label, (v) => setOption(i, v))}
              ${
                f.options.length > 2
                  ? html`<button type="button" class="secondary" @click=${() => removeOption(i)}>
                      Remove<span class="visually-hidden"> option ${i + 1}</span>
                    </button>`
                  : nothing
              }
            </div>`,
        )}
        <button type="button" class="secondary" @click=${addOption}>Add another option</button>
      </fieldset>
      ${this.field('closesAt', 'Closes (optional)', f.closesAt, set('closesAt'), {
        type: 'datetime-local',
        hint: 'Left empty, the poll stays open until you close it.',
      })}
      ${this.select(
        'resultsVisibility',
        'Who sees the results, and when',
        f.resultsVisibility,
        RESULTS_VISIBILITY,
        VISIBILITY_LABELS,
        set('resultsVisibility'),
      )}
      ${this.checkbox('allowChange', 'Voters may change their vote', f.allowChange, set('allowChange'))}
      ${this.checkbox(
        'anonymous',
        'Visitors without an account may vote',
        f.anonymous,
        set('anonymous'),
        'One vote per browser. Otherwise voting needs a voter token from your site.',
      )}
      ${this.preview(errors.length ? undefined : html`<civic-poll .poll=${draft} heading-level="3"></civic-poll>`)}
    `;
  }

  private preview(content: TemplateResult | undefined): TemplateResult {
    return html`<section class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview</h2>
      ${
        content
          ? html`<p class="hint">How it will look on your site. It cannot be used here.</p>
              <div class="preview-frame" inert>${content}</div>`
          : html`<p class="hint">The preview shows once every field above is filled in correctly.</p>`
      }
    </section>`;
  }

  private settingsFormView(e: Extract<Editing, { kind: 'settings' }>): TemplateResult {
    const f = e.form;
    const set = (k: keyof SettingsForm) => (v: string | boolean) => this.update_<SettingsForm>({ [k]: v });
    const setConsent = (i: number, k: 'purpose' | 'text' | 'version', v: string) =>
      this.update_<SettingsForm>({ consents: f.consents.map((c, n) => (n === i ? { ...c, [k]: v } : c)) });
    const add = async () => {
      this.update_<SettingsForm>({ consents: [...f.consents, { purpose: '', text: '', version: '' }] });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#consent-${f.consents.length}-purpose`)?.focus();
    };
    const remove = async (i: number) => {
      this.update_<SettingsForm>({ consents: f.consents.filter((_, n) => n !== i) });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#add-consent')?.focus();
    };
    return html`
      ${this.field('name', 'Name of your site or group', f.name, set('name'))}
      ${this.checkbox(
        'anonymousParticipation',
        'New polls and initiatives let visitors without an account take part',
        f.anonymousParticipation,
        set('anonymousParticipation'),
        'One vote or support per browser. Each poll and initiative can still say otherwise.',
      )}
      ${this.field(
        'allowedOrigins',
        'Other sites that show your polls and initiatives (optional)',
        f.allowedOrigins,
        set('allowedOrigins'),
        {
          multiline: true,
          hint: 'One a line, only the start of the address, like https://our-town.example',
        },
      )}
      <fieldset>
        <legend>What people agree to when they sign up</legend>
        <p class="hint">The exact words, and a version to change when the words change.</p>
        ${f.consents.map(
          (c, i) =>
            html`<fieldset class="consent">
              <legend>Consent ${i + 1}</legend>
              ${this.field(`consent-${i}-purpose`, 'Purpose', c.purpose, (v) => setConsent(i, 'purpose', v), {
                hint: 'A short name, like contact',
                width: 'width-20',
              })}
              ${this.field(`consent-${i}-text`, 'Words', c.text, (v) => setConsent(i, 'text', v), { multiline: true })}
              ${this.field(`consent-${i}-version`, 'Version', c.version, (v) => setConsent(i, 'version', v), {
                width: 'width-10',
              })}
              <button type="button" class="secondary" @click=${() => remove(i)}>
                Remove<span class="visually-hidden"> consent ${i + 1}</span>
              </button>
            </fieldset>`,
        )}
        <button type="button" id="add-consent" class="secondary" @click=${add}>Add a consent</button>
      </fieldset>
    `;
  }

  private formView(e: Editing): TemplateResult {
    if (e.kind === 'settings')
      return html`
        <p><button type="button" class="link" @click=${() => this.closeForm()}>Back to the list</button></p>
        <h1 tabindex="-1">Change the settings</h1>
        ${this.summary()}
        <form
          novalidate
          @submit=${(ev: Event) => {
            ev.preventDefault();
            void this.save();
          }}
        >
          ${this.settingsFormView(e)}
          <div class="buttons">
            <button type="submit" ?disabled=${this.busy}>Save the settings</button>
            <button type="button" class="secondary" @click=${() => this.closeForm()}>Cancel</button>
          </div>
        </form>
      `;
    const what = e.kind === 'initiative' ? 'initiative' : 'poll';
    return html`
      <p><button type="button" class="link" @click=${() => this.closeForm()}>Back to the list</button></p>
      <h1 tabindex="-1">
        ${e.isNew ? `Add ${what === 'initiative' ? 'an initiative' : 'a poll'}` : `Edit the ${what}`}
      </h1>
      ${this.summary()}
      <form
        novalidate
        @submit=${(ev: Event) => {
          ev.preventDefault();
          void this.save();
        }}
      >
        ${e.kind === 'initiative' ? this.initiativeFormView(e) : this.pollFormView(e)}
        <div class="buttons">
          <button type="submit" ?disabled=${this.busy}>${e.isNew ? `Add the ${what}` : 'Save changes'}</button>
          <button type="button" class="secondary" @click=${() => this.closeForm()}>Cancel</button>
        </div>
      </form>
    `;
  }

  private signInView(): TemplateResult {
    let value = '';
    return html`
      <h1 tabindex="-1">Sign in to look after your site</h1>
      ${this.summary()}
      <form
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.signIn(value, true);
        }}
      >
        <div class="field ${this.errorFor('token') ? 'field-error' : ''}">
          <label for="token">Admin token</label>
          <p class="hint" id="token-hint">
            Made on the server with: civic-server admin-token create --name "Your name". It is kept in this browser tab
            only.
          </p>
          ${
            this.errorFor('token')
              ? html`<p class="error-message" id="token-error">
                  <span class="visually-hidden">Error:</span> ${this.errorFor('token')!.message}
                </p>`
              : nothing
          }
          <input
            id="token"
            name="token"
            type="password"
            autocomplete="off"
            spellcheck="false"
            aria-describedby="token-hint${this.errorFor('token') ? ' token-error' : ''}"
            aria-invalid=${this.errorFor('token') ? 'true' : nothing}
            @input=${(e: Event) => (value = (e.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit">Sign in</button>
      </form>
    `;
  }

  private actionButton(label: string, context: string, run: () => unknown, kind = 'secondary'): TemplateResult {
    return html`<button type="button" class=${kind} ?disabled=${this.busy} @click=${() => void run()}>
      ${label}<span class="visually-hidden"> “${context}”</span>
    </button>`;
  }

  /**
   * An initiative's or a poll's actions: the organiser edits, closes or reopens, and deletes; every
   * admin shows or hides. Each acts on the version shown (`etag`), so a change made meanwhile is not
   * overwritten.
   */
  private rowActions(row: {
    name: string;
    path: string;
    open: boolean;
    hidden: boolean;
    etag: string;
    edit: () => unknown;
    deleteTitle: string;
    deleteBody: string;
  }): TemplateResult {
    const organiser = this.adminRole === 'organiser';
    const api = this.client();
    const { name, path, open, hidden, etag } = row;
    return html`${organiser ? this.actionButton('Edit', name, row.edit) : nothing}
    ${
      organiser
        ? this.actionButton(open ? 'Close' : 'Reopen', name, () =>
            this.act(`${open ? 'Closed' : 'Reopened'} “${name}”.`, () =>
              api.request('POST', `${path}/${open ? 'close' : 'reopen'}`, { ifMatch: etag }),
            ),
          )
        : nothing
    }
    ${this.actionButton(hidden ? 'Show' : 'Hide', name, () =>
      this.act(`${hidden ? 'Showed' : 'Hid'} “${name}”.`, () =>
        api.request('POST', `${path}/${hidden ? 'unhide' : 'hide'}`, { ifMatch: etag }),
      ),
    )}
    ${
      organiser
        ? this.actionButton(
            'Delete',
            name,
            () =>
              this.askToDelete({
                title: row.deleteTitle,
                body: row.deleteBody,
                action: `Deleted “${name}”.`,
                run: () => api.request('DELETE', path, { ifMatch: etag }).then(() => undefined),
              }),
            'warning',
          )
        : nothing
    }`;
  }

  private initiativesView(): TemplateResult {
    const organiser = this.adminRole === 'organiser';
    return html`
      ${
        organiser
          ? html`<button
              type="button"
              @click=${() => this.openForm({ kind: 'initiative', isNew: true, form: initiativeForm(undefined, this.anonymousByDefault) })}
            >
              Add an initiative
            </button>`
          : nothing
      }
      <table>
        <caption class="visually-hidden">
          Initiatives
        </caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">Supporters</th>
            <th scope="col">Shown on the site</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          ${this.initiatives.map(({ initiative: i, hidden, anonymous, etag, supports }) => {
            return html`<tr>
              <th scope="row">${i.title}<br /><span class="hint">${i.id}</span></th>
              <td>${STATUS_LABELS[i.status]}</td>
              <td>${i.supporters?.count ?? supports}${i.supporters?.goal ? ` of ${i.supporters.goal}` : ''}</td>
              <td>${hidden ? 'No, hidden' : 'Yes'}</td>
              <td class="actions">
                ${this.rowActions({
                  name: i.title,
                  path: `/initiatives/${encodeURIComponent(i.id)}`,
                  open: i.status !== 'closed',
                  hidden,
                  etag,
                  edit: () =>
                    this.openForm({ kind: 'initiative', isNew: false, form: initiativeForm(i, anonymous), etag }),
                  deleteTitle: `Delete the initiative “${i.title}”?`,
                  deleteBody:
                    'It is removed from your site for good. An initiative people have supported cannot be deleted: close or hide it instead.',
                })}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${this.initiatives.length ? nothing : html`<p>No initiatives yet.</p>`}
    `;
  }

  private pollsView(): TemplateResult {
    const organiser = this.adminRole === 'organiser';
    return html`
      ${
        organiser
          ? html`<button
              type="button"
              @click=${() => this.openForm({ kind: 'poll', isNew: true, form: pollForm(undefined, this.anonymousByDefault) })}
            >
              Add a poll
            </button>`
          : nothing
      }
      <table>
        <caption class="visually-hidden">
          Polls
        </caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Status</th>
            <th scope="col">Ballots</th>
            <th scope="col">Shown on the site</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          ${this.polls.map(({ poll: p, hidden, anonymous, etag, ballots }) => {
            return html`<tr>
              <th scope="row">${p.question}<br /><span class="hint">${p.id}</span></th>
              <td>${p.status === 'open' ? 'Open' : p.status === 'closed' ? 'Closed' : 'Not open yet'}</td>
              <td>${ballots}</td>
              <td>${hidden ? 'No, hidden' : 'Yes'}</td>
              <td class="actions">
                ${this.rowActions({
                  name: p.question,
                  path: `/polls/${encodeURIComponent(p.id)}`,
                  open: p.status !== 'closed',
                  hidden,
                  etag,
                  edit: () => this.openForm({ kind: 'poll', isNew: false, form: pollForm(p, anonymous), etag }),
                  deleteTitle: `Delete the poll “${p.question}”?`,
                  deleteBody:
                    'It is removed from your site for good. A poll with votes cannot be deleted: close or hide it instead.',
                })}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${this.polls.length ? nothing : html`<p>No polls yet.</p>`}
    `;
  }

  private signupsView(): TemplateResult {
    const organiser = this.adminRole === 'organiser';
    const api = this.client();
    return html`
      ${
        organiser
          ? html`<button type="button" @click=${() => this.download()}>Download the sign-ups (OSDI JSON)</button>
              <p class="hint">
                With each person’s consent: what they agreed to, which version, and when. Hidden sign-ups are left out.
              </p>`
          : nothing
      }
      <table>
        <caption class="visually-hidden">
          Sign-ups
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Place</th>
            <th scope="col">Signed up</th>
            <th scope="col">Counted</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          ${this.signups.map((s) => {
            const path = `/signups/${encodeURIComponent(s.id)}`;
            return html`<tr>
              <th scope="row">${s.name}</th>
              <td>${s.email}</td>
              <td>${s.place ?? ''}</td>
              <td>${when(s.createdAt)}</td>
              <td>${s.hidden ? 'No, hidden' : 'Yes'}</td>
              <td class="actions">
                ${this.actionButton(s.hidden ? 'Show' : 'Hide', s.name, () =>
                  this.act(`${s.hidden ? 'Showed' : 'Hid'} the sign-up of ${s.name}.`, () =>
                    api.request('POST', `${path}/${s.hidden ? 'unhide' : 'hide'}`),
                  ),
                )}
                ${
                  organiser
                    ? this.actionButton(
                        'Delete',
                        s.name,
                        () =>
                          this.askToDelete({
                            title: `Delete the sign-up of ${s.name}?`,
                            body: 'Their details and consent receipts are deleted for good.',
                            action: `Deleted the sign-up of ${s.name}.`,
                            run: () => api.request('DELETE', path).then(() => undefined),
                          }),
                        'warning',
                      )
                    : nothing
                }
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${this.signups.length ? nothing : html`<p>No sign-ups yet.</p>`}
    `;
  }

  private settingsView(): TemplateResult {
    const current = this.settings;
    if (!current) return html`<p>The settings could not be read.</p>`;
    const s = current.settings;
    return html`
      <dl class="settings">
        <dt>Name</dt>
        <dd>${s.name}</dd>
        <dt>New polls and initiatives open to visitors without an account</dt>
        <dd>${s.anonymousParticipation ? 'Yes' : 'No'}</dd>
        <dt>Other sites allowed</dt>
        <dd>${s.allowedOrigins.length ? s.allowedOrigins.join(', ') : 'None'}</dd>
        <dt>Consents</dt>
        <dd>${s.consents.length ? s.consents.map((c) => `${c.purpose} (version ${c.version})`).join(', ') : 'None'}</dd>
      </dl>
      ${
        this.adminRole === 'organiser'
          ? html`<button
              type="button"
              @click=${() => this.openForm({ kind: 'settings', isNew: false, form: settingsForm(s), etag: current.etag })}
            >
              Change the settings
            </button>`
          : nothing
      }
    `;
  }

  private auditView(): TemplateResult {
    return html`<table>
      <caption class="visually-hidden">
        Audit log, newest first
      </caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Item</th>
        </tr>
      </thead>
      <tbody>
        ${this.audit.map(
          (e) =>
            html`<tr>
              <td>${when(e.at)}</td>
              <td>${e.actor.name} (${e.actor.role})</td>
              <td>${e.action}</td>
              <td>${e.target.id ?? e.target.type}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private listsView(): TemplateResult {
    return html`
      <h1 tabindex="-1">${TAB_LABELS[this.tab]}</h1>
      ${this.summary()}
      <nav aria-label="Sections">
        <ul class="tabs">
          ${ADMIN_TABS.map(
            (t) =>
              html`<li>
                <button
                  type="button"
                  class="tab"
                  aria-current=${t === this.tab ? 'page' : nothing}
                  @click=${async () => {
                    this.tab = t;
                    this.problem = '';
                    await this.focusHeading();
                  }}
                >
                  ${TAB_LABELS[t]}
                </button>
              </li>`,
          )}
        </ul>
      </nav>
      ${
        this.tab === 'initiatives'
          ? this.initiativesView()
          : this.tab === 'polls'
            ? this.pollsView()
            : this.tab === 'signups'
              ? this.signupsView()
              : this.tab === 'settings'
                ? this.settingsView()
                : this.auditView()
      }
    `;
  }

  protected override render(): TemplateResult {
    const c = this.confirming;
    return html`
      ${
        this.adminRole
          ? html`<header class="bar">
              <p>Signed in as ${this.who} (${this.adminRole})</p>
              <button type="button" class="secondary" @click=${() => this.signOut()}>Sign out</button>
            </header>`
          : nothing
      }
      <p class="status" role="status">${this.notice}</p>
      ${!this.adminRole ? this.signInView() : this.editing ? this.formView(this.editing) : this.listsView()}
      <dialog aria-labelledby="confirm-title" @close=${() => (this.confirming = undefined)}>
        ${
          c
            ? html`<h2 id="confirm-title">${c.title}</h2>
                <p>${c.body}</p>
                <div class="buttons">
                  <button type="button" class="warning" @click=${() => this.confirmed()}>Yes, delete it</button>
                  <button type="button" class="secondary" @click=${() => this.dialog?.close()}>No, keep it</button>
                </div>`
            : nothing
        }
      </dialog>
    `;
  }

  static override styles = [
    tokenStyles,
    css`
      :host {
        display: block;
        color: var(--_color-text);
        background: var(--_color-surface);
        font-family: var(--_font-body);
        font-size: var(--_font-size-m);
        line-height: 1.5;
      }
      h1,
      h2 {
        font-family: var(--_font-heading);
        line-height: 1.25;
      }
      h1 {
        font-size: 1.75em;
        margin: 0.5em 0;
      }
      h1:focus {
        outline: none;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-s);
        align-items: center;
        justify-content: space-between;
        border-bottom: 1px solid var(--_color-border);
      }
      .visually-hidden {
        position: absolute !important;
        width: 1px;
        height: 1px;
        margin: 0;
        padding: 0;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
        border: 0;
      }
      .status:empty {
        display: none;
      }
      .status {
        border-left: 0.3em solid var(--_color-success);
        padding-left: var(--_space-s);
      }
      .field {
        margin: 0 0 var(--_space-l);
      }
      label,
      legend {
        display: block;
        font-weight: 700;
      }
      .checkbox {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0 var(--_space-s);
        align-items: start;
      }
      .checkbox label {
        font-weight: 400;
      }
      .checkbox .hint {
        grid-column: 2;
      }
      .checkbox input {
        width: 1.5em;
        height: 1.5em;
        margin: 0;
      }
      .hint {
        color: var(--_color-text-muted);
        margin: 0.25em 0;
      }
      input:not([type='checkbox']),
      select,
      textarea {
        box-sizing: border-box;
        width: 100%;
        max-width: 40em;
        font: inherit;
        padding: 0.35em;
        color: var(--_color-text);
        background: var(--_color-surface);
        border: 2px solid var(--_color-text);
        border-radius: 0;
      }
      .width-20 {
        max-width: 20em;
      }
      .width-10 {
        max-width: 10em;
      }
      .width-5 {
        max-width: 5em;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 var(--_space-l);
      }
      legend {
        font-size: var(--_font-size-l);
        margin-bottom: var(--_space-s);
      }
      .option-row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-s);
        align-items: end;
      }
      .option-row .field {
        flex: 1 1 20em;
      }
      .option-row button {
        margin-bottom: var(--_space-l);
      }
      .field-error {
        border-left: 0.3em solid var(--_color-danger);
        padding-left: var(--_space-m);
      }
      .field-error input,
      .field-error textarea {
        border-color: var(--_color-danger);
      }
      .error-message {
        color: var(--_color-danger);
        font-weight: 700;
        margin: 0.25em 0;
      }
      .error-summary {
        border: 0.3em solid var(--_color-danger);
        padding: var(--_space-m);
        margin: 0 0 var(--_space-l);
      }
      .error-summary h2 {
        margin-top: 0;
      }
      .error-summary a {
        color: var(--_color-danger);
        font-weight: 700;
      }
      button {
        font: inherit;
        min-height: 2.75em;
        padding: 0.3em 0.9em;
        margin: 0 var(--_space-s) var(--_space-s) 0;
        border: 2px solid var(--_color-action);
        border-radius: var(--_radius-m);
        background: var(--_color-action);
        color: var(--_color-action-text);
        cursor: pointer;
      }
      button.secondary {
        background: var(--_color-surface);
        color: var(--_color-action);
      }
      button.warning {
        background: var(--_color-danger);
        border-color: var(--_color-danger);
        color: var(--_color-action-text);
      }
      button.link {
        background: none;
        border: 0;
        padding: 0;
        min-height: 1.5em;
        color: var(--_color-action);
        text-decoration: underline;
      }
      button:disabled {
        opacity: 0.6;
        cursor: not-allowed;
      }
      :focus-visible {
        outline: var(--_focus-width) solid var(--_color-focus);
        outline-offset: 2px;
      }
      .tabs {
        display: flex;
        flex-wrap: wrap;
        list-style: none;
        padding: 0;
        margin: 0 0 var(--_space-m);
        border-bottom: 1px solid var(--_color-border);
      }
      .tab {
        background: var(--_color-surface);
        color: var(--_color-action);
        border-color: transparent;
        border-radius: 0;
        margin: 0;
      }
      .tab[aria-current='page'] {
        border-bottom: 0.25em solid var(--_color-action);
        font-weight: 700;
        color: var(--_color-text);
      }
      table {
        border-collapse: collapse;
        width: 100%;
        margin: var(--_space-m) 0;
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: var(--_space-s);
        border-bottom: 1px solid var(--_color-border);
      }
      .actions button {
        min-height: 2em;
      }
      .consent {
        border-left: 0.3em solid var(--_color-border);
        padding-left: var(--_space-m);
      }
      .settings dt {
        font-weight: 700;
      }
      .settings dd {
        margin: 0 0 var(--_space-s);
      }
      .preview {
        border-top: 1px solid var(--_color-border);
        margin-top: var(--_space-l);
      }
      .preview-frame {
        max-width: 32em;
      }
      dialog {
        color: var(--_color-text);
        background: var(--_color-surface);
        border: 2px solid var(--_color-text);
        max-width: 32em;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.5);
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-admin': CivicAdmin;
  }
}
