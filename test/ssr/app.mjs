/**
 * The page of the hydration test, one template for both sides: the server renders it and the browser
 * hydrates the very same template (hydration needs identical templates).
 */
import { html } from 'lit';

export const app = (data) =>
  html`<main id="root">
    <civic-initiative-card .initiative=${data.initiative}></civic-initiative-card>
    <civic-initiative-list label="Initiatives" .initiatives=${data.initiatives}></civic-initiative-list>
    <civic-poll .poll=${data.poll}></civic-poll>
  </main>`;
