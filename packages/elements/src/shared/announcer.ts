import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * A polite live region for an element's announcements (a reordered ranking, a result count, a live
 * update). The same words twice in a row are still read out (a no-break space tells them apart), an
 * announcement in another language than the element's now is not left on the page (or, with
 * `inNewLanguage`, is said again in the new one), and `announceAtMost` speaks at most once per gap, the
 * latest words winning.
 */
export class AnnouncerController implements ReactiveController {
  /** What the region says now. */
  text = '';
  private lang: string | undefined;
  private toggle = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The element's language now. */
    private readonly langNow: () => string,
    /** What to say instead when the language changes under an announcement (none: fall silent). */
    private readonly inNewLanguage?: () => string,
  ) {
    host.addController(this);
  }

  announce(text: string): void {
    this.toggle = !this.toggle;
    this.text = text && this.toggle ? `${text}\u00a0` : text;
    this.lang = this.langNow();
    this.host.requestUpdate();
  }

  /** Announce, but not sooner than `gapMs` after the last one; a newer text replaces one still waiting. */
  announceAtMost(text: string, gapMs: number): void {
    clearTimeout(this.timer);
    const say = () => {
      this.last = Date.now();
      this.announce(text);
    };
    const wait = this.last + gapMs - Date.now();
    if (wait <= 0) say();
    else this.timer = setTimeout(say, wait);
  }

  hostUpdate(): void {
    // After the localize controller's own `hostUpdate`: `langNow()` is the element's language now.
    if (!this.text || this.lang === this.langNow()) return;
    const again = this.inNewLanguage?.() ?? '';
    if (again) this.announce(again);
    else this.text = '';
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** The region itself: `<div part="announcer" role="status">`, visually hidden. */
  render(): TemplateResult {
    return html`<div part="announcer" class="visually-hidden" role="status">${this.text}</div>`;
  }
}
