/**
 * A slow file server for the adapter tests: `/__slow/<ms>/<path>` answers with the file at `<path>`
 * (under test/fixtures/ or stories/assets/) after `<ms>` milliseconds, so a source that does not
 * answer in time can be tested over real HTTP.
 */
import { readFile } from 'node:fs/promises';

const ALLOWED = /^(test\/fixtures|stories\/assets)\/[\w.-]+(\/[\w.-]+)*$/;

export function staticFilesPlugin() {
  return {
    name: 'civic-slow-files',
    async serve(context) {
      const match = /^\/__slow\/(\d+)\/(.+)$/.exec(context.path);
      if (!match) return undefined;
      const file = match[2];
      if (!ALLOWED.test(file) || file.split('/').includes('..')) return undefined;
      await new Promise((resolve) => setTimeout(resolve, Math.min(Number(match[1]), 30_000)));
      try {
        return { body: await readFile(file, 'utf8'), type: 'application/json' };
      } catch {
        return undefined;
      }
    },
  };
}
