/** Every element, registered, in every shipped language. */
import './translations/all.js';

export * from './elements.js';
