import { defineElement, registerAdapter, registerTranslation } from '@civic-kit/core';
import { CivicProvider } from '../provider/provider.js';
import { en } from '../translations/en.js';
// Other languages than English load when a `lang` asks for them.
import '../translations/lazy.js';

registerTranslation(en);
// The demo data set is loaded only when a page asks for it.
registerAdapter('memory', async ({ persist, attributes }) => {
  const { createDemoAdapter } = await import('@civic-kit/core/demo');
  return createDemoAdapter({
    persist,
    channel: `civic-kit:${persist ?? 'memory'}`,
    ...(attributes['latency'] ? { latency: Number(attributes['latency']) || 0 } : {}),
  });
});
// The REST adapter's code is fetched only when a page uses `adapter="rest"`.
registerAdapter('rest', async (config) => {
  const { createRestAdapter } = await import('@civic-kit/adapters/rest');
  return createRestAdapter(config);
});
// The same for Decidim, the file and ActivityStreams readers, and for the federated view (which builds each of
// its sources through these registrations, so a source's code loads only when a source uses it).
registerAdapter('decidim', async (config) => {
  const { createDecidimAdapter } = await import('@civic-kit/adapters/decidim');
  return createDecidimAdapter(config);
});
registerAdapter('static', async (config) => {
  const { createStaticAdapter } = await import('@civic-kit/adapters/static');
  return createStaticAdapter(config);
});
registerAdapter('activitystreams', async (config) => {
  const { createActivityStreamsAdapter } = await import('@civic-kit/adapters/activitystreams');
  return createActivityStreamsAdapter(config);
});
registerAdapter('federated', async (config) => {
  const { createFederatedAdapter } = await import('@civic-kit/adapters/federated');
  return createFederatedAdapter(config);
});
defineElement('civic-provider', CivicProvider);

/** The class, for wrappers that register this one element (such as `@civic-kit/react/provider`). */
export { CivicProvider };

declare global {
  interface HTMLElementTagNameMap {
    'civic-provider': CivicProvider;
  }
}
