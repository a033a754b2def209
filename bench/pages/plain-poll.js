/**
 * The baseline: a poll form built with plain DOM calls and one document stylesheet — radios in a
 * fieldset, a vote button, results as bars with their numbers written out — whose vote updates the
 * results in place, in the click's own task.
 */
const numberFormat = new Intl.NumberFormat('en');
const percentFormat = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });

const el = (tag, className, text) => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
};

export function plainPoll(poll) {
  const section = el('section', 'poll');
  const form = el('form');
  const fieldset = el('fieldset');
  const legend = el('legend');
  legend.append(el('h3', 'question', poll.question));
  fieldset.append(legend, el('p', 'description', poll.description));
  for (const o of poll.options) {
    const label = el('label', 'choice');
    const input = el('input');
    input.type = 'radio';
    input.name = `poll-${poll.id}`;
    input.value = o.id;
    label.append(input, ` ${o.label}`);
    fieldset.append(label);
  }
  const button = el('button', 'vote', 'Vote');
  button.type = 'submit';
  form.append(fieldset, button);
  const results = el('div', 'results');
  const totals = el('p', 'totals');
  const list = el('ul', 'bars');
  results.append(el('h4', '', 'Results so far'), totals, list);
  const rows = new Map(
    poll.options.map((o) => {
      const li = el('li', 'result');
      const text = el('p', 'result-text');
      const bar = el('span', 'bar');
      const fill = el('span', 'fill');
      bar.append(fill);
      li.append(text, bar);
      list.append(li);
      return [o.id, { li, text, fill, label: o.label }];
    }),
  );
  const counts = { ...poll.results.counts };
  let voters = poll.results.voters;
  let mine;
  const show = () => {
    totals.textContent = `${numberFormat.format(voters)} people voted`;
    for (const [id, row] of rows) {
      const share = voters ? (counts[id] ?? 0) / voters : 0;
      row.text.textContent = `${row.label}: ${numberFormat.format(counts[id] ?? 0)} votes (${percentFormat.format(share)})${id === mine ? ' ✓ Your choice' : ''}`;
      row.fill.style.inlineSize = `${share * 100}%`;
      row.li.classList.toggle('result--mine', id === mine);
    }
  };
  show();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = form.querySelector('input:checked');
    if (!chosen) return;
    mine = chosen.value;
    counts[mine] = (counts[mine] ?? 0) + 1;
    voters += 1;
    show();
  });
  section.append(form, results);
  return section;
}

export const plainPollCss = `
.poll{max-inline-size:40rem;padding:1rem;border:1px solid #8c959f;border-radius:.5rem;background:#fff;color:#1f2328;font-family:system-ui,sans-serif;line-height:1.5}
.poll fieldset{display:grid;gap:.5rem;margin:0;padding:0;border:0}.poll legend{padding:0}.question{margin:0;font-size:1.25rem}
.choice{display:flex;gap:.5rem;align-items:center;min-block-size:24px}.vote{margin-block-start:1rem;padding:.5rem 1rem;border:0;border-radius:.5rem;background:#0b57d0;color:#fff;font:inherit}
.bars{display:grid;gap:.5rem;margin:0;padding:0;list-style:none}.result-text{margin:0}.result--mine .result-text{font-weight:600}
.bar{display:block;block-size:.75rem;border-radius:.375rem;background:#f3f4f6;overflow:hidden}.fill{display:block;block-size:100%;inline-size:0;background:#0b57d0}
`;
