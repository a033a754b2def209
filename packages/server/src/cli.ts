#!/usr/bin/env node
/**
 * civic-server — run the reference server and look after its data.
 *
 *   civic-server [serve]                       start the HTTP server (configured by the environment)
 *   civic-server migrate                       apply the migrations and exit
 *   civic-server seed --demo [--anonymous] [--if-empty] [--replace]
 *   civic-server seed --file data.json [...]   add initiatives, polls, interests, people, places
 *   civic-server export-signups [--out f.json] every sign-up with its consent receipts, OSDI-shaped
 *   civic-server delete-person --email a@b.c   delete a person's data on request
 *   civic-server delete-person --voter site:subject
 *   civic-server token --subject ID [--site ID] sign a voter token with the configured site secret (testing)
 *
 * The organisers' side (every admin API action; recorded in the audit log as `cli:<user>`):
 *   civic-server admin-token create --name "Sam" [--role organiser|moderator]   prints the token once
 *   civic-server admin-token revoke --id ID | --token civic_admin_…
 *   civic-server admin-token list
 *   civic-server initiative|poll list | show ID
 *   civic-server initiative|poll create --file item.json
 *   civic-server initiative|poll update ID --file item.json [--if-match ETAG]
 *   civic-server initiative|poll close|reopen|hide|unhide ID     (poll reopen [--closes-at ISO])
 *   civic-server initiative|poll delete ID --yes
 *   civic-server signup list | hide ID | unhide ID | delete ID --yes
 *   civic-server settings show | set --file settings.json
 *   civic-server audit [--limit N]
 *
 * The fediverse (docs/federation.md):
 *   civic-server follow <@name@host | https://…>   follow a community or account; its items join the lists
 *   civic-server unfollow <@name@host | https://…> and remove them again
 *   civic-server block <domain> | unblock <domain>  refuse a domain everywhere
 *   civic-server follows                            what is followed and blocked
 */
import { demoData } from '@civic-kit/core/demo';
import { readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { runAdminCommand } from './admin/cli.js';
import { signVoterToken } from './auth.js';
import { configFromEnv } from './config.js';
import { openConfiguredDatabase, startServer } from './server.js';
import { clear, deletePerson, isEmpty, seed, type SeedData } from './store.js';
import { exportSignupsAdmin } from './admin/data.js';
import { runFederationCommand } from './federation/cli.js';

const HELP = `Usage: civic-server [serve|migrate|seed|export-signups|delete-person|token] [options]
       civic-server [admin-token|initiative|poll|signup|settings|audit] … (the organisers' side)
       civic-server [follow|unfollow|block|unblock|follows] … (the fediverse)
See packages/server/README.md for every option and environment variable.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      file: { type: 'string' },
      anonymous: { type: 'boolean' },
      'anonymous-ids': { type: 'string' },
      'if-empty': { type: 'boolean' },
      replace: { type: 'boolean' },
      out: { type: 'string' },
      email: { type: 'string' },
      voter: { type: 'string' },
      subject: { type: 'string' },
      site: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      id: { type: 'string' },
      token: { type: 'string' },
      'if-match': { type: 'string' },
      'closes-at': { type: 'string' },
      'include-hidden': { type: 'boolean' },
      limit: { type: 'string' },
      as: { type: 'string' },
      yes: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0] ?? 'serve';
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const config = configFromEnv();

  if (command === 'serve') {
    const server = await startServer(config);
    console.log(`Civic Kit server on ${server.url} (${server.db.kind}); OpenAPI at ${server.url}/openapi.json`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return new Promise<number>(() => undefined);
  }

  if (command === 'token') {
    const site = config.sites.find((s) => s.id === (values.site ?? config.sites[0]?.id));
    if (!site || !values.subject) {
      console.error('token needs --subject and a configured site secret (CIVIC_VOTER_SECRET or CIVIC_SITES)');
      return 2;
    }
    console.log(signVoterToken(site, values.subject, { audience: config.audience, expiresInSeconds: 3600 }));
    return 0;
  }

  const db = await openConfiguredDatabase(config);
  try {
    switch (command) {
      case 'migrate':
        console.log(`Database ready (${db.kind}).`);
        return 0;
      case 'seed': {
        if (!values.demo && !values.file) {
          console.error('seed needs --demo or --file <data.json>');
          return 2;
        }
        if (values['if-empty'] && !(await isEmpty(db))) {
          console.log('The database already holds data; not seeding (--if-empty).');
          return 0;
        }
        if (values.replace) await db.transaction(clear);
        const data = values.demo ? demoData() : (JSON.parse(await readFile(values.file!, 'utf8')) as SeedData);
        const ids = values['anonymous-ids']
          ?.split(',')
          .map((id) => id.trim())
          .filter(Boolean);
        const counts = await seed(db, data, { anonymous: ids ? { ids } : !!values.anonymous });
        console.log(`Seeded ${counts.initiatives} initiatives and ${counts.polls} polls.`);
        return 0;
      }
      case 'export-signups': {
        const exported = await exportSignupsAdmin(db, { includeHidden: !!values['include-hidden'] });
        const json = `${JSON.stringify(exported, null, 2)}\n`;
        if (values.out) await writeFile(values.out, json, { mode: 0o600 });
        else process.stdout.write(json);
        return 0;
      }
      case 'delete-person': {
        if (!values.email && !values.voter) {
          console.error('delete-person needs --email <address> or --voter <site:subject>');
          return 2;
        }
        const counts = await deletePerson(db, { email: values.email, voter: values.voter });
        console.log(
          `Deleted ${counts.signups} sign-ups, ${counts.ballots} ballots, ${counts.supports} supports, ` +
            `${counts.idempotencyKeys} stored responses.`,
        );
        return 0;
      }
      case 'admin-token':
      case 'initiative':
      case 'poll':
      case 'signup':
      case 'settings':
      case 'audit':
        return await runAdminCommand(db, command, positionals.slice(1), values, {
          id: `cli:${userInfo().username}`,
          name: values.as ?? userInfo().username,
          role: 'organiser',
        });
      case 'follow':
      case 'unfollow':
      case 'block':
      case 'unblock':
      case 'follows':
        return await runFederationCommand(db, config, command, positionals.slice(1), {
          id: `cli:${userInfo().username}`,
          name: values.as ?? userInfo().username,
          role: 'organiser',
        });
      default:
        console.error(`Unknown command "${command}".\n${HELP}`);
        return 2;
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
