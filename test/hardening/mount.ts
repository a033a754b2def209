/** Put a harness state on the page and wait until the element shows it. */
import { waitFor } from './dom.js';
import type { Built, ElementHarness, ElementState, StateContext } from './types.js';

export interface Mounted extends Built {
  harness: ElementHarness;
  state: ElementState;
}

export const label = (h: ElementHarness, s: ElementState) => `<${h.tag}> ${s.name}`;

/** Whether this page has the element (a harness entry may be ahead of the bundle under test). */
export const defined = (h: ElementHarness, doc: Document = document) => !!doc.defaultView?.customElements.get(h.tag);

export async function mount(
  harness: ElementHarness,
  state: ElementState,
  ctx: StateContext,
  container: Element,
  timeout = 6000,
): Promise<Mounted> {
  const built = state.build(ctx);
  container.append(built.root);
  await state.act?.(built);
  await waitFor(() => state.ready(built), `${label(harness, state)} did not reach its state`, timeout);
  await settle(built.root);
  return { ...built, harness, state };
}

/** Every Civic Kit element under `root` has finished rendering. */
export async function settle(root: Element): Promise<void> {
  const elements = [root, ...root.querySelectorAll('*')].filter((e) => e.localName.startsWith('civic-'));
  await Promise.all(
    elements.map((e) => (e as Element & { updateComplete?: Promise<unknown> }).updateComplete ?? Promise.resolve()),
  );
}

/** Same-origin assets for states (the Storybook picture), relative to the page's origin. */
export const assetUrl = (doc: Document) => (name: string) => new URL(`/stories/assets/${name}`, doc.baseURI).href;
