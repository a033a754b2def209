/**
 * The card's markup as a function: `<civic-initiative-card>` renders through it, and so do the
 * elements that show many initiatives in one shadow root (one element rendering every card paints
 * ~1.13× plain DOM; one element per card ~1.49×). Without `supporters` it is the read-only card, with
 * no support action (that needs per-card state; a list links to the initiative instead).
 */
import { safeUrl, tagLabel, type Initiative, type LocalizeController } from '@civic-kit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { heading as sharedHeading, headingLevel, type HeadingLevel } from '../shared/heading.js';
import type { CivicTranslation } from '../translations/translation.js';

export { HEADING_LEVELS, type HeadingLevel } from '../shared/heading.js';

export interface CardTemplateOptions {
  /** Level of each card's heading, to fit the page's outline. */
  headingLevel: HeadingLevel;
  /** Unique within the shadow root: prefixes the ids the card's ARIA references use. */
  idPrefix: string;
  /** The article's part: `card` in a list or a map (default), `base` in `<civic-initiative-card>`. */
  part?: string;
  /** The article's own direction (the card's, from its nearest `dir`); unset, it inherits. */
  dir?: string;
  /** Shown under the supporters count (the card's support button and its messages); the count is then shown even at 0. */
  supportAction?: unknown;
  /** The full description, under the summary (the card's, with `show-body`). */
  description?: unknown;
  /** Called when the image fails to load; by default the image is hidden. */
  onImageError?: () => void;
}

/** A heading at `level` (2–6; anything else gives 3), with the card's `title` part. */
export function heading(level: HeadingLevel, id: string | undefined, content: unknown): TemplateResult {
  return sharedHeading(headingLevel(level, 3), content, { id, part: 'title', className: 'title' });
}

/** An image that fails to load is left out rather than shown as a broken box. */
const hideBroken = (e: Event) => ((e.target as HTMLImageElement).hidden = true);

/** One initiative as card markup (an `<article>` labelled by its title). */
export function cardTemplate(
  i: Initiative,
  t: LocalizeController<CivicTranslation>,
  { headingLevel, idPrefix, part = 'card', dir: ownDir, supportAction, description, onImageError }: CardTemplateOptions,
): TemplateResult {
  const image = i.image ? safeUrl(i.image.url) : undefined;
  const link = safeUrl(i.url);
  const statusLabel = {
    proposed: t.term('statusProposed'),
    active: t.term('statusActive'),
    completed: t.term('statusCompleted'),
    closed: t.term('statusClosed'),
  }[i.status];
  // Backend text carries its own `lang` (when the backend says it), and `dir=auto` so a right-to-left
  // title in a left-to-right page (or the reverse) reads the right way round.
  const lang = i.language || nothing;
  const dir = 'auto';
  const titleId = `${idPrefix}-title`;
  return html`<article part=${part} dir=${ownDir ?? nothing} class="card" aria-labelledby=${titleId}>
    ${
      image
        ? html`<img
            part="image"
            class="image"
            src=${image}
            alt=${i.image?.alt ?? ''}
            loading="lazy"
            decoding="async"
            @error=${onImageError ?? hideBroken}
          />`
        : nothing
    }
    <div part="body" class="body">
      <p part="status" class="status status--${i.status}">
        <span class="visually-hidden">${t.term('status')}: </span>${statusLabel}
      </p>
      ${heading(headingLevel, titleId, html`<span lang=${lang} dir=${dir}>${link ? html`<a href=${link}>${i.title}</a>` : i.title}</span>`)}
      ${i.machineTranslated ? html`<p class="machine-translated">${t.term('machineTranslated')}</p>` : nothing}
      ${i.summary ? html`<p part="summary" class="summary" lang=${lang} dir=${dir}>${i.summary}</p>` : nothing}
      ${description ?? nothing} ${details(i, t)}
      ${
        i.tags.length
          ? html`<ul part="tags" class="tags" aria-label=${t.term('topics')}>
              ${i.tags.map((tag) => html`<li part="tag" class="tag">${tagLabel(i, tag)}</li>`)}
            </ul>`
          : nothing
      }
      ${supporters(i, t, `${idPrefix}-supporters`, supportAction)} ${i.source ? source(i.source, t) : nothing}
    </div>
  </article>`;
}

function details(i: Initiative, t: LocalizeController<CivicTranslation>): TemplateResult | typeof nothing {
  const fmt = (d: string) => t.date(d, { dateStyle: 'long' });
  const now = Date.now();
  let when: TemplateResult | undefined;
  if (i.endsAt && Date.parse(i.endsAt) < now)
    when = html`<time datetime=${i.endsAt}>${t.term('endedOn', fmt(i.endsAt))}</time>`;
  else if (i.startsAt && i.endsAt) when = html`${t.term('runsUntil', fmt(i.startsAt), fmt(i.endsAt))}`;
  else if (i.endsAt) when = html`<time datetime=${i.endsAt}>${t.term('endsOn', fmt(i.endsAt))}</time>`;
  else if (i.startsAt) when = html`<time datetime=${i.startsAt}>${t.term('startsOn', fmt(i.startsAt))}</time>`;
  const organiserUrl = safeUrl(i.organiser?.url);
  const rows: [string, unknown][] = [];
  if (i.place) {
    const where = i.place.address ?? `${i.place.lat.toFixed(3)}, ${i.place.lng.toFixed(3)}`;
    const area =
      i.place.precision === 'area' ? html`<span class="muted">${` (${t.term('areaOnly')})`}</span>` : nothing;
    rows.push([t.term('where'), html`${where}${area}`]);
  } else if (i.address) rows.push([t.term('where'), i.address]); // a place without a pin
  if (when) rows.push([t.term('when'), when]);
  if (i.organiser) {
    const name = i.organiser.name;
    rows.push([t.term('organisedBy'), organiserUrl ? html`<a href=${organiserUrl}>${name}</a>` : name]);
  }
  if (!rows.length) return nothing;
  return html`<dl part="details" class="details">
    ${rows.map(
      ([label, value]) =>
        html`<div>
          <dt>${label}</dt>
          <dd>${value}</dd>
        </div>`,
    )}
  </dl>`;
}

function supporters(
  i: Initiative,
  t: LocalizeController<CivicTranslation>,
  id: string,
  action?: unknown,
): TemplateResult | typeof nothing {
  const s = i.supporters;
  if (!s && action === undefined) return nothing;
  const count = s?.count ?? 0;
  const formatted = t.number(count);
  let line: string;
  if (s?.goal) {
    const percent = t.number(Math.min(count / s.goal, 9.99), { style: 'percent', maximumFractionDigits: 0 });
    line = t.term('supportersOfGoal', count, formatted, t.number(s.goal), percent);
  } else line = t.term('supporters', count, formatted);
  return html`<div part="supporters" class="supporters">
    <p class="count" id=${id}>
      ${line}${s?.goal && count >= s.goal ? html`${' · '}<strong>${t.term('goalReached')}</strong>` : nothing}
    </p>
    ${s?.goal ? html`<progress part="progress" max=${s.goal} value=${Math.min(count, s.goal)} aria-labelledby=${id}></progress>` : nothing}
    ${action ?? nothing}
  </div>`;
}

function source(
  s: { name: string; url?: string | undefined },
  t: LocalizeController<CivicTranslation>,
): TemplateResult {
  const url = safeUrl(s.url);
  const label = t.term('from', s.name);
  return html`<p part="source" class="source">${url ? html`<a href=${url}>${label}</a>` : label}</p>`;
}
