/**
 * Is focus visible where it is? The checks a keyboard walk makes at every stop: the element shows a
 * focus indicator, and the indicator's box (the border box grown by the outline's width and offset)
 * lies inside the visible box of every ancestor that clips it (overflow other than `visible`,
 * `contain: paint`), through shadow roots and slots, and inside the viewport.
 */

/** The parent in the flat tree: a slotted element's slot, else its parent, else its shadow host. */
export function flatParent(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  // No instanceof: the element may belong to another frame's realm.
  const root = el.getRootNode() as Partial<ShadowRoot>;
  return root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && root.host ? root.host : null;
}

/** The focused element, through open shadow roots. */
export function deepActiveElement(doc: Document = document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const styleOf = (el: Element) => el.ownerDocument.defaultView!.getComputedStyle(el);

/** Whether the element draws a focus indicator (an outline or a box shadow). */
export function showsFocus(el: Element): boolean {
  const s = styleOf(el);
  const outline = s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) > 0;
  return outline || (s.boxShadow !== 'none' && s.boxShadow !== '');
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The focus indicator's box: the border box grown by the outline (width and offset). */
export function focusBox(el: Element): Box {
  const r = el.getBoundingClientRect();
  const s = styleOf(el);
  const grow =
    s.outlineStyle !== 'none' ? Math.max(0, Number.parseFloat(s.outlineWidth) + Number.parseFloat(s.outlineOffset)) : 0;
  return { left: r.left - grow, top: r.top - grow, right: r.right + grow, bottom: r.bottom + grow };
}

const describe = (el: Element) =>
  `<${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('part') ? ` part="${el.getAttribute('part')}"` : ''}${
    el.classList.length ? ` class="${[...el.classList].join(' ')}"` : ''
  }>`;

/**
 * Every ancestor (and the viewport) that cuts off part of `box`, described with what it hides;
 * empty when the whole box is in view. `slack`: px of rounding allowed.
 */
export function clippedBy(el: Element, box: Box = focusBox(el), slack = 1): string[] {
  const problems: string[] = [];
  const cut = (what: string, clip: Box, x: boolean, y: boolean) => {
    const out = [
      x && box.left < clip.left - slack ? `left by ${(clip.left - box.left).toFixed(1)} px` : '',
      x && box.right > clip.right + slack ? `right by ${(box.right - clip.right).toFixed(1)} px` : '',
      y && box.top < clip.top - slack ? `top by ${(clip.top - box.top).toFixed(1)} px` : '',
      y && box.bottom > clip.bottom + slack ? `bottom by ${(box.bottom - clip.bottom).toFixed(1)} px` : '',
    ].filter(Boolean);
    if (out.length) problems.push(`${what} cuts off its ${out.join(', ')}`);
  };
  for (let a = flatParent(el); a; a = flatParent(a)) {
    const s = styleOf(a);
    if (s.display === 'contents') continue;
    const paint = /\b(paint|content|strict)\b/.test(s.contain);
    const x = paint || s.overflowX !== 'visible';
    const y = paint || s.overflowY !== 'visible';
    if (!x && !y) continue;
    if (a === a.ownerDocument.documentElement || a === a.ownerDocument.body) continue; // the viewport, below
    const r = a.getBoundingClientRect();
    const left = r.left + a.clientLeft;
    const top = r.top + a.clientTop;
    cut(describe(a), { left, top, right: left + a.clientWidth, bottom: top + a.clientHeight }, x, y);
  }
  const view = el.ownerDocument.defaultView!;
  const root = el.ownerDocument.documentElement;
  if (el.localName === 'textarea') {
    // A browser scrolls a focused multi-line field only as far as its caret: its first line must be
    // in view (so focus is seen), the lines below it may run on out of the viewport.
    const s = styleOf(el);
    const first =
      el.getBoundingClientRect().top + el.clientTop + Number.parseFloat(s.paddingTop) + Number.parseFloat(s.fontSize);
    box = { ...box, bottom: Math.min(box.bottom, first) };
  }
  cut(
    'the viewport',
    { left: 0, top: 0, right: root.clientWidth || view.innerWidth, bottom: view.innerHeight },
    true,
    true,
  );
  return problems;
}

/** The element's focus indicator is drawn and nothing hides any of it (the walk's check at every stop). */
export function focusProblems(el: Element): string[] {
  return [...(showsFocus(el) ? [] : ['no focus indicator']), ...clippedBy(el)];
}
