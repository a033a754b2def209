/** DOM helpers that see through shadow roots (every Civic Kit element renders into one). */

/** Every element under `root`, descending into open shadow roots. */
export function deepElements(root: Element | ShadowRoot | Document): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot | Document) => {
    for (const el of Array.from(node.querySelectorAll('*'))) {
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  // `nodeType`, not `instanceof`: the strict-CSP test inspects a frame's elements from another realm.
  if (root.nodeType === 1) {
    out.push(root as Element);
    if ((root as Element).shadowRoot) visit((root as Element).shadowRoot!);
  }
  visit(root);
  return out;
}

/** The first match inside `el`'s shadow root (or deeper shadow roots). */
export function deepQuery<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  for (const e of deepElements(el)) if (e !== el && e.matches(selector)) return e as T;
  return null;
}

export const shadowText = (el: Element): string =>
  deepElements(el)
    .filter((e) => e.shadowRoot)
    .map((e) => e.shadowRoot!.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');

/** Every text node in `el`'s shadow roots, each on its own (so neighbours' words do not run together). */
export function shadowTextNodes(el: Element): string[] {
  const out: string[] = [];
  for (const host of deepElements(el).filter((e) => e.shadowRoot)) {
    const walker = el.ownerDocument.createTreeWalker(host.shadowRoot!, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      if (n.parentElement?.localName !== 'style' && n.textContent?.trim()) out.push(n.textContent.trim());
  }
  return out;
}

/** The element focus is really on, through shadow roots. */
export function deepActiveElement(doc: Document = document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const FOCUSABLE =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex], [contenteditable="true"], audio[controls], video[controls]';

/** Interactive targets a person can Tab to: focusable, rendered, not disabled, not `tabindex=-1`. */
export function tabbables(root: Element): HTMLElement[] {
  return deepElements(root).filter((e): e is HTMLElement => {
    if (!('focus' in e) || !e.matches(FOCUSABLE)) return false;
    if (e.matches(':disabled') || e.getAttribute('tabindex') === '-1') return false;
    if (e.closest('[inert]')) return false;
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return false;
    return e.ownerDocument.defaultView!.getComputedStyle(e).visibility !== 'hidden';
  });
}

/**
 * What Tab stops on, in order: the targets, with each radio group as one stop (its checked radio, or
 * its first when none is checked, as browsers do when tabbing forwards).
 */
export function tabStops(root: Element): HTMLElement[] {
  const all = tabbables(root);
  const radios = (e: HTMLElement) => e instanceof e.ownerDocument.defaultView!.HTMLInputElement && e.type === 'radio';
  const groupOf = (r: HTMLInputElement) =>
    all.filter(
      (e) =>
        radios(e) &&
        (e as HTMLInputElement).name === r.name &&
        e.getRootNode() === r.getRootNode() &&
        (e as HTMLInputElement).form === r.form,
    ) as HTMLInputElement[];
  return all.filter((e) => {
    if (!radios(e) || !(e as HTMLInputElement).name) return true;
    const group = groupOf(e as HTMLInputElement);
    const stop = group.find((r) => r.checked) ?? group[0];
    return stop === e;
  });
}

/** Attributes that load or navigate to a URL. */
export const URL_ATTRIBUTES = [
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'poster',
  'data',
  'xlink:href',
  'background',
  'ping',
  'cite',
  'longdesc',
  'manifest',
];

/** Elements no hostile string may ever turn into. */
export const FORBIDDEN_TAGS = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'math',
  'foreignobject',
  'isindex',
  'marquee',
  'portal',
];

/** http(s) on any host, or a reference relative to the page (which stays on its own scheme). */
export function isSafeUrlValue(value: string, base: string): boolean {
  const trimmed = value.trim();
  if (!trimmed) return true;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Every way `root` (shadow roots included) could run script or load something unsafe. */
export function unsafeMarkup(root: Element, base = document.baseURI): string[] {
  const problems: string[] = [];
  for (const el of deepElements(root)) {
    const tag = el.localName;
    if (FORBIDDEN_TAGS.includes(tag)) problems.push(`<${tag}> in ${root.localName}`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${name}="${attr.value}" on <${tag}>`);
      if (URL_ATTRIBUTES.includes(name)) {
        const values =
          name === 'srcset' ? attr.value.split(',').map((s) => s.trim().split(/\s+/)[0] ?? '') : [attr.value];
        for (const v of values) if (!isSafeUrlValue(v, base)) problems.push(`${name}="${attr.value}" on <${tag}>`);
      }
      if (name === 'style' && /url\(|expression\(/i.test(attr.value))
        problems.push(`style="${attr.value}" on <${tag}>`);
    }
  }
  return problems;
}

export async function waitFor(what: () => boolean, message: string, timeout = 5000): Promise<void> {
  const start = Date.now();
  while (!what()) {
    if (Date.now() - start > timeout) throw new Error(`Timed out: ${message}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const nextTask = (ms = 0) => new Promise((r) => setTimeout(r, ms));
