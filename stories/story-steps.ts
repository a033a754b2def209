import { Outbox } from '@civic-kit/core';
import { html, LitElement, type TemplateResult } from 'lit';

/** What a story does to its element once it is there (tick, type, press…), resolving when done. */
export type Steps<E extends HTMLElement = HTMLElement> = (el: E) => Promise<void>;

/** The Civic Kit elements a story may act on, first match inside the harness. */
const TARGETS = 'civic-poll, civic-find-the-others, civic-initiative-list, civic-map, civic-initiative-card';

/**
 * Story harness, not part of Civic Kit: plays `steps` on the element inside it, and its `updateComplete`
 * waits for them, so the canvas (and the axe check of every story in test/stories.test.ts, which awaits
 * every civic-* element) shows the state the story is about, not the moment before it.
 */
class StorySteps extends LitElement {
  static override properties = { steps: { attribute: false } };
  declare steps: Steps<never> | undefined;
  private done: Promise<void> = Promise.resolve();

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }

  protected override firstUpdated(): void {
    const el = this.querySelector(TARGETS);
    if (el && this.steps) this.done = (this.steps as Steps)(el as HTMLElement);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await this.done;
    return result;
  }
}
if (!customElements.get('civic-story-steps')) customElements.define('civic-story-steps', StorySteps);

/** `content` with `steps` played on its element. */
export const played = <E extends HTMLElement>(steps: Steps<E>, content: TemplateResult): TemplateResult =>
  html`<civic-story-steps .steps=${steps}>${content}</civic-story-steps>`;

/** Wait until `what()` is truthy. Timers, not animation frames: a background tab never paints. */
export async function until(what: () => unknown, timeout = 4000): Promise<void> {
  const start = Date.now();
  while (!what()) {
    if (Date.now() - start > timeout) throw new Error('The story did not reach its state');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The first match of `selector` in the element's shadow root. */
export const inShadow = <T extends Element = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot?.querySelector<T>(selector) ?? null;

/** A queue kept in memory, so a story's queued write does not stay in the browser after it is closed. */
export function storyOutbox(): Outbox {
  const items = new Map<string, string>();
  return new Outbox('civic-kit:story-outbox', {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  });
}
