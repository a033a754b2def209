/** The admin page's script: every element (for the previews) and `<civic-admin>`. */
import '@civic-kit/elements';
import { CivicAdmin } from './admin-app.js';

if (!customElements.get('civic-admin')) customElements.define('civic-admin', CivicAdmin);
