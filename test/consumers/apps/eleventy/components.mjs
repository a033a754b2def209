// What the server renders with: every element, from the npm package.
import '@civic-kit/elements';
