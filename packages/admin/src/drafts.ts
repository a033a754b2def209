/**
 * The admin forms' values to the model (and back), checked with the model's own valibot schemas
 * before anything is sent. Errors name the form field and say what to do, the GOV.UK way.
 */
import type { RESULTS_VISIBILITY } from '@civic-kit/core';
import { InitiativeSchema, PollSchema, type Initiative, type Poll } from '@civic-kit/core';
import * as v from 'valibot';

export interface FieldError {
  /** The form field's name (also its id within the form). */
  field: string;
  message: string;
}

export interface InitiativeForm {
  id: string;
  title: string;
  summary: string;
  status: Initiative['status'];
  tags: string;
  address: string;
  lat: string;
  lng: string;
  goal: string;
  url: string;
  anonymous: boolean;
}

export interface PollForm {
  id: string;
  question: string;
  description: string;
  kind: Poll['kind'];
  maxChoices: string;
  /** `id` is kept for options that exist already (votes name them). */
  options: { id?: string | undefined; label: string }[];
  closesAt: string;
  resultsVisibility: Poll['resultsVisibility'];
  allowChange: boolean;
  anonymous: boolean;
}

export const VISIBILITY_LABELS: Record<(typeof RESULTS_VISIBILITY)[number], string> = {
  always: 'Always',
  'after-vote': 'After the visitor has voted',
  'after-close': 'Only once the poll has closed',
};

/** `Tool library!` → `tool-library`. */
export const slug = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** The field a model path (`place.lat`, or a JSON Pointer `/place/lat`) belongs to. */
export function fieldOf(path: string): string {
  const dot = path.replace(/^\//, '').replace(/\//g, '.');
  const option = /^options\.(\d+)/.exec(dot);
  if (option) return `option-${option[1]}`;
  const consent = /^consents\.(\d+)\.(purpose|text|version)/.exec(dot);
  if (consent) return `consent-${consent[1]}-${consent[2]}`;
  if (dot.startsWith('allowedOrigins')) return 'allowedOrigins';
  const map: Record<string, string> = {
    'place.lat': 'lat',
    'place.lng': 'lng',
    'place.address': 'address',
    'supporters.goal': 'goal',
    'supporters.count': 'goal',
    options: 'option-0',
  };
  return map[dot] ?? dot.split('.')[0] ?? dot;
}

const number = (raw: string): number | undefined => (raw.trim() === '' ? undefined : Number(raw.trim()));

function schemaErrors(schema: v.GenericSchema, draft: unknown, known: FieldError[]): FieldError[] {
  const r = v.safeParse(schema, draft);
  if (r.success) return known;
  const out = [...known];
  for (const issue of r.issues) {
    const path = v.getDotPath(issue) ?? '';
    const field = fieldOf(path);
    if (!out.some((e) => e.field === field)) out.push({ field, message: `Check this field: ${issue.message}` });
  }
  return out;
}

export function initiativeDraft(form: InitiativeForm, isNew: boolean): { draft: Initiative; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const id = form.id.trim() || (isNew ? slug(form.title) : '');
  if (isNew && !form.id.trim() && !id)
    errors.push({ field: 'id', message: 'Enter an id, or a title to make one from' });
  else if (isNew && !ID_PATTERN.test(id))
    errors.push({ field: 'id', message: 'The id may only have lower-case letters, numbers and hyphens' });
  if (!form.title.trim()) errors.push({ field: 'title', message: 'Enter a title' });
  const lat = number(form.lat);
  const lng = number(form.lng);
  if (lat !== undefined && !(Number.isFinite(lat) && lat >= -90 && lat <= 90))
    errors.push({ field: 'lat', message: 'Enter the latitude as a number from -90 to 90, like 51.454' });
  if (lng !== undefined && !(Number.isFinite(lng) && lng >= -180 && lng <= 180))
    errors.push({ field: 'lng', message: 'Enter the longitude as a number from -180 to 180, like -2.587' });
  if ((lat === undefined) !== (lng === undefined))
    errors.push({ field: lat === undefined ? 'lat' : 'lng', message: 'Enter both latitude and longitude, or neither' });
  const goal = number(form.goal);
  if (goal !== undefined && !(Number.isInteger(goal) && goal >= 1))
    errors.push({ field: 'goal', message: 'Enter the goal as a whole number, 1 or more' });
  const url = form.url.trim();
  if (url && !/^https?:\/\/[^\s]+$/i.test(url))
    errors.push({ field: 'url', message: 'Enter a web address that starts with https:// or http://' });

  const draft = {
    id,
    title: form.title.trim(),
    status: form.status,
    tags: form.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    ...(form.summary.trim() ? { summary: form.summary.trim() } : {}),
    ...(lat !== undefined && lng !== undefined && Number.isFinite(lat) && Number.isFinite(lng)
      ? { place: { lat, lng, ...(form.address.trim() ? { address: form.address.trim() } : {}), precision: 'exact' } }
      : {}),
    ...(goal !== undefined && Number.isInteger(goal) && goal >= 1 ? { supporters: { count: 0, goal } } : {}),
    ...(url ? { url } : {}),
  } as Initiative;
  return { draft, errors: schemaErrors(InitiativeSchema, draft, errors) };
}

export function pollDraft(form: PollForm, isNew: boolean, now = new Date()): { draft: Poll; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const id = form.id.trim() || (isNew ? slug(form.question) : '');
  if (isNew && !form.id.trim() && !id)
    errors.push({ field: 'id', message: 'Enter an id, or a question to make one from' });
  else if (isNew && !ID_PATTERN.test(id))
    errors.push({ field: 'id', message: 'The id may only have lower-case letters, numbers and hyphens' });
  if (!form.question.trim()) errors.push({ field: 'question', message: 'Enter the question' });
  form.options.forEach((o, i) => {
    if (!o.label.trim())
      errors.push({ field: `option-${i}`, message: `Enter the text of option ${i + 1}, or remove it` });
  });
  if (form.options.length < 2) errors.push({ field: 'option-0', message: 'Give at least 2 options' });
  const used = new Set<string>(form.options.flatMap((o) => (o.id ? [o.id] : [])));
  const options = form.options.map((o) => {
    if (o.id) return { id: o.id, label: o.label.trim() };
    let oid = slug(o.label) || 'option';
    for (let n = 2; used.has(oid); n++) oid = `${slug(o.label) || 'option'}-${n}`;
    used.add(oid);
    return { id: oid, label: o.label.trim() };
  });
  const max = number(form.maxChoices);
  if (form.kind !== 'single' && max !== undefined && !(Number.isInteger(max) && max >= 1))
    errors.push({ field: 'maxChoices', message: 'Enter how many options a voter may choose, as a whole number' });
  let closesAt: string | undefined;
  if (form.closesAt.trim()) {
    const t = new Date(form.closesAt);
    if (Number.isNaN(t.getTime())) errors.push({ field: 'closesAt', message: 'Enter the closing date and time' });
    else if (isNew && t.getTime() <= now.getTime())
      errors.push({ field: 'closesAt', message: 'The closing time must be in the future' });
    else closesAt = t.toISOString();
  }
  const draft = {
    id,
    question: form.question.trim(),
    kind: form.kind,
    options,
    status: 'open',
    resultsVisibility: form.resultsVisibility,
    allowChange: form.allowChange,
    machineTranslated: false,
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    ...(form.kind !== 'single' && max !== undefined && Number.isInteger(max) && max >= 1 ? { maxChoices: max } : {}),
    ...(closesAt ? { closesAt } : {}),
  } as Poll;
  return { draft, errors: schemaErrors(PollSchema, draft, errors) };
}

/** `2026-12-08T09:30:00.000Z` → `2026-12-08T09:30` in the browser's time zone (for datetime-local). */
export function localDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export const initiativeForm = (i?: Initiative, anonymous = false): InitiativeForm => ({
  id: i?.id ?? '',
  title: i?.title ?? '',
  summary: i?.summary ?? '',
  status: i?.status ?? 'active',
  tags: (i?.tags ?? []).join(', '),
  address: i?.place?.address ?? '',
  lat: i?.place ? String(i.place.lat) : '',
  lng: i?.place ? String(i.place.lng) : '',
  goal: i?.supporters?.goal ? String(i.supporters.goal) : '',
  url: i?.url ?? '',
  anonymous,
});

export const pollForm = (p?: Poll, anonymous = false): PollForm => ({
  id: p?.id ?? '',
  question: p?.question ?? '',
  description: p?.description ?? '',
  kind: p?.kind ?? 'single',
  maxChoices: p?.maxChoices ? String(p.maxChoices) : '',
  options: p ? p.options.map((o) => ({ id: o.id, label: o.label })) : [{ label: '' }, { label: '' }],
  closesAt: localDateTime(p?.closesAt),
  resultsVisibility: p?.resultsVisibility ?? 'always',
  allowChange: p?.allowChange ?? false,
  anonymous,
});

/** The site's settings as the server keeps them (`GET /admin/api/settings`). */
export interface SiteSettings {
  name: string;
  consents: { purpose: string; text: string; version: string }[];
  allowedOrigins: string[];
  anonymousParticipation: boolean;
}

export interface SettingsForm {
  name: string;
  consents: { purpose: string; text: string; version: string }[];
  /** One origin a line. */
  allowedOrigins: string;
  anonymousParticipation: boolean;
}

export const settingsForm = (s: SiteSettings): SettingsForm => ({
  name: s.name,
  consents: s.consents.map((c) => ({ ...c })),
  allowedOrigins: s.allowedOrigins.join('\n'),
  anonymousParticipation: s.anonymousParticipation,
});

/** The form to settings, with what is wrong in it (the server checks again, with the same rules). */
export function settingsDraft(form: SettingsForm): { draft: SiteSettings; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!form.name.trim()) errors.push({ field: 'name', message: 'Enter the name of your site or group' });
  const origins = form.allowedOrigins
    .split(/\s+/)
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  const wrong = origins.find((o) => {
    try {
      const u = new URL(o);
      return !/^https?:$/.test(u.protocol) || u.origin !== o;
    } catch {
      return true;
    }
  });
  if (wrong !== undefined)
    errors.push({
      field: 'allowedOrigins',
      message: `“${wrong}” is not a site address: enter only the start, like https://our-town.example`,
    });
  form.consents.forEach((c, i) => {
    if (!c.purpose.trim())
      errors.push({ field: `consent-${i}-purpose`, message: `Enter what consent ${i + 1} is for, like contact` });
    if (!c.text.trim())
      errors.push({ field: `consent-${i}-text`, message: `Enter the words people agree to in consent ${i + 1}` });
    if (!c.version.trim())
      errors.push({ field: `consent-${i}-version`, message: `Enter the version of consent ${i + 1}, like 2026-12` });
  });
  return {
    draft: {
      name: form.name.trim(),
      consents: form.consents.map((c) => ({
        purpose: c.purpose.trim(),
        text: c.text.trim(),
        version: c.version.trim(),
      })),
      allowedOrigins: origins,
      anonymousParticipation: form.anonymousParticipation,
    },
    errors,
  };
}
