import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The focus rule for a control that is replaced (support, vote, retry): when the control that had
 * focus leaves the element's shadow root in an update, focus moves to its replacement or to the
 * message that replaced it, never to `<body>`. `targets` lists selectors in order of preference; the
 * first one found takes focus (made focusable by script with `tabindex="-1"` when it is not a
 * control). Focus is not taken when the person has moved it elsewhere meanwhile.
 */
export class ReplacedFocusController implements ReactiveController {
  private focused: Element | null = null;

  constructor(
    private readonly host: Host,
    private readonly targets: () => readonly string[],
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const root = this.host.renderRoot;
    this.focused = root instanceof ShadowRoot ? root.activeElement : null;
  }

  hostUpdated(): void {
    const lost = this.focused;
    this.focused = null;
    const root = this.host.renderRoot;
    if (!lost || lost.isConnected || !(root instanceof ShadowRoot) || root.activeElement) return;
    // Someone else took focus meanwhile (the person, or the page): leave it there.
    const active = this.host.ownerDocument.activeElement;
    if (active && active !== this.host.ownerDocument.body && !holds(active, this.host)) return;
    focusFirst(root, this.targets());
  }
}

/** Focus the first element matching the first selector that matches anything (made focusable if need be). */
export function focusFirst(root: ParentNode, selectors: readonly string[]): HTMLElement | undefined {
  for (const selector of selectors) {
    const target = root.querySelector<HTMLElement>(selector);
    if (!target) continue;
    if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
    return target;
  }
  return undefined;
}

/** Whether `outer` is `inner` or holds it, across shadow roots. */
function holds(outer: Element, inner: Element): boolean {
  for (let n: Node | null = inner; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) if (n === outer) return true;
  return false;
}
