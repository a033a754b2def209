/**
 * `civic-server follow|unfollow|block|unblock|follows`: the admin API's federation part from the
 * command line. A follow is queued in the database; the running server delivers it.
 */
import { recordAudit } from '../admin/audit.js';
import type { Actor } from '../admin/tokens.js';
import type { ServerConfig } from '../config.js';
import type { Db } from '../db/db.js';
import { CommunityFederation } from './federation.js';

export const FEDERATION_COMMANDS = ['follow', 'unfollow', 'block', 'unblock', 'follows'] as const;

export async function runFederationCommand(
  db: Db,
  config: ServerConfig,
  command: (typeof FEDERATION_COMMANDS)[number],
  args: string[],
  actor: Actor,
): Promise<number> {
  const fed = new CommunityFederation({ db, config });
  fed.setBaseUrl(`http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`);
  const audit = (action: string, id: string, detail: Record<string, unknown> = {}) =>
    db.transaction((tx) => recordAudit(tx, actor, action, { type: 'federation', id }, detail, config.now()));
  const target = args[0]?.trim();
  if (command === 'follows') {
    for (const f of await fed.listFollows())
      console.log(
        `${f.handle}  ${f.actor}  ${f.state}  read ${f.fetched_at ?? 'never'}${f.last_error ? `  (last error: ${f.last_error})` : ''}`,
      );
    for (const b of await fed.listBlocks()) console.log(`blocked: ${b.domain}`);
    return 0;
  }
  if (!target) {
    console.error(
      command === 'block' || command === 'unblock'
        ? `${command} needs a domain: civic-server ${command} spam.example`
        : `${command} needs an account: civic-server ${command} @group@host (or its https address)`,
    );
    return 2;
  }
  switch (command) {
    case 'follow': {
      const row = await fed.follow(target);
      await audit('federation.follow', row.actor, { handle: row.handle });
      console.log(`Following ${row.name} (${row.actor}); the running server delivers the request.`);
      return 0;
    }
    case 'unfollow': {
      const row = await fed.unfollow(target);
      if (!row) {
        console.error(`Not following ${target}`);
        return 1;
      }
      await audit('federation.unfollow', row.actor, { handle: row.handle });
      console.log(`No longer following ${row.name}; its items were removed.`);
      return 0;
    }
    case 'block': {
      const result = await fed.block(target);
      await audit('federation.block', result.domain, result);
      console.log(
        `Blocked ${result.domain}: ${result.unfollowed} followed accounts removed, ${result.followersRemoved} followers dropped.`,
      );
      return 0;
    }
    case 'unblock': {
      if (!(await fed.unblock(target))) {
        console.error(`${target} is not blocked`);
        return 1;
      }
      await audit('federation.unblock', target);
      console.log(`Unblocked ${target}.`);
      return 0;
    }
  }
}
