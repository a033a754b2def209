/**
 * The baseline: the same card content and structure as <civic-initiative-card>, built with plain DOM
 * calls and one document stylesheet — what a careful hand-written page would do.
 */
const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'long' });
const numberFormat = new Intl.NumberFormat('en');
const percentFormat = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });

const el = (tag, className, text) => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
};

export function plainCard(i) {
  const article = el('article', 'card');
  const body = el('div', 'body');
  const status = el('p', `status status--${i.status}`);
  status.append(el('span', 'visually-hidden', 'Status: '), i.status[0].toUpperCase() + i.status.slice(1));
  const h3 = el('h3', 'title');
  const a = el('a', '', i.title);
  a.href = i.url;
  h3.append(a);
  const dl = el('dl', 'details');
  for (const [dt, dd] of [
    ['Where', i.place.address],
    ['When', `Ends ${dateFormat.format(new Date(i.endsAt))}`],
    ['Organised by', i.organiser.name],
  ]) {
    const row = el('div');
    row.append(el('dt', '', dt), el('dd', '', dd));
    dl.append(row);
  }
  const ul = el('ul', 'tags');
  for (const t of i.tags) ul.append(el('li', 'tag', t));
  const supporters = el('div', 'supporters');
  const count = el(
    'p',
    'count',
    `${numberFormat.format(i.supporters.count)} of ${numberFormat.format(i.supporters.goal)} supporters (${percentFormat.format(i.supporters.count / i.supporters.goal)})`,
  );
  const progress = el('progress');
  progress.max = i.supporters.goal;
  progress.value = Math.min(i.supporters.count, i.supporters.goal);
  const source = el('p', 'source');
  const sa = el('a', '', `From ${i.source.name}`);
  sa.href = i.source.url;
  source.append(sa);
  supporters.append(count, progress);
  body.append(status, h3, el('p', 'summary', i.summary), dl, ul, supporters, source);
  article.append(body);
  return article;
}

export const plainCardCss = `
.card{display:flex;flex-direction:column;overflow:hidden;border:1px solid #8c959f;border-radius:.5rem;background:#fff;color:#1f2328;font-family:system-ui,sans-serif;line-height:1.5;overflow-wrap:anywhere}
.body{display:flex;flex:1;flex-direction:column;gap:.5rem;padding:1rem}.body>*{margin:0}
.status{align-self:flex-start;padding:0 .5rem;border:1px solid currentColor;border-radius:999px;font-size:.875rem;font-weight:600}
.title{font-size:1.25rem;line-height:1.3}.title a{color:inherit}
.details{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .5rem;margin:0}.details div{display:contents}.details dd{margin:0}
.details dt,.source{color:#57606a;font-size:.875rem}
.tags{display:flex;flex-wrap:wrap;gap:.25rem;padding:0;list-style:none}.tag{padding:0 .5rem;border-radius:.5rem;background:#f3f4f6;font-size:.875rem}
.supporters{display:grid;gap:.5rem;margin-block-start:auto}.supporters p{margin:0}progress{inline-size:100%}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;
