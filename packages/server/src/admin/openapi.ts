/**
 * The admin API's part of openapi.json (tag `admin`), merged into the document by `src/openapi.ts`.
 * Bodies are the model's own schemas (`#/components/schemas/Initiative`, `Poll`).
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { ADMIN_ROLES } from './tokens.js';
import { SiteSettingsSchema } from './data.js';

/** Problem statuses only the admin API answers with. */
export const ADMIN_PROBLEM_STATUSES: Record<number, string> = {
  412: 'Someone changed the item since you read it: read it again (`conflict`)',
  428: 'Send `If-Match` with the ETag you last read (`conflict`)',
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (s: unknown) => ({ 'application/json': { schema: s } });
const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/Problem${s}` }]));
const security = [{ adminToken: [] }];
const idParam = (what: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `The ${what}'s id`,
  schema: { type: 'string', minLength: 1, maxLength: 200 },
});
const ifMatch = (required: boolean) => ({
  name: 'If-Match',
  in: 'header',
  required,
  description: required
    ? 'The ETag last read. Missing: 428; stale (someone else changed the item since): 412. `*` matches any.'
    : 'Optional: the ETag last read (stale: 412).',
  schema: { type: 'string' },
});
const etagHeader = { ETag: { schema: { type: 'string' }, description: 'Send it back as `If-Match` to edit' } };
const ok = (description: string, schema: unknown, status = 200) => ({
  [status]: { description, headers: etagHeader, content: json(schema) },
});

function itemPaths(type: 'initiative' | 'poll') {
  const Item = type === 'poll' ? 'AdminPoll' : 'AdminInitiative';
  const Model = type === 'poll' ? 'PollInput' : 'InitiativeInput';
  const tag = ['admin'];
  const base = `/admin/api/${type}s`;
  const action = (name: string, summary: string, role: string, body?: unknown) => ({
    post: {
      tags: tag,
      operationId: `${name}${type === 'poll' ? 'Poll' : 'Initiative'}`,
      summary: `${summary} (${role})`,
      security,
      parameters: [idParam(type), ifMatch(false)],
      ...(body ? { requestBody: { required: false, content: json(body) } } : {}),
      responses: { ...ok(`The ${type} as it is now`, ref(Item)), ...problems(400, 401, 403, 404, 409, 412) },
    },
  });
  return {
    [base]: {
      get: {
        tags: tag,
        operationId: `admin${type === 'poll' ? 'Poll' : 'Initiative'}s`,
        summary: `Every ${type}, hidden ones too (any role)`,
        security,
        responses: {
          200: {
            description: `Every ${type}`,
            content: json({
              type: 'object',
              required: ['items'],
              properties: { items: { type: 'array', items: ref(Item) } },
            }),
          },
          ...problems(401),
        },
      },
      post: {
        tags: tag,
        operationId: `create${type === 'poll' ? 'Poll' : 'Initiative'}`,
        summary: `Add a ${type} (organiser)`,
        security,
        requestBody: { required: true, content: json(ref(Model)) },
        responses: {
          ...ok(`The new ${type}`, ref(Item), 201),
          ...problems(400, 401, 403, 409, 413, 415),
        },
      },
    },
    [`${base}/{id}`]: {
      get: {
        tags: tag,
        operationId: `admin${type === 'poll' ? 'Poll' : 'Initiative'}`,
        summary: `One ${type}, with its ETag (any role)`,
        security,
        parameters: [idParam(type)],
        responses: { ...ok(`The ${type}`, ref(Item)), ...problems(401, 404) },
      },
      put: {
        tags: tag,
        operationId: `update${type === 'poll' ? 'Poll' : 'Initiative'}`,
        summary:
          type === 'poll'
            ? 'Edit a poll (organiser). An option with votes cannot be removed; once votes are cast the kind cannot change and the limit cannot go below the longest ballot (409). Results and the closed state are kept.'
            : 'Edit an initiative (organiser). The supporter count is kept: only supporters change it.',
        security,
        parameters: [idParam(type), ifMatch(true)],
        requestBody: { required: true, content: json(ref(Model)) },
        responses: {
          ...ok(`The ${type} as saved`, ref(Item)),
          ...problems(400, 401, 403, 404, 409, 412, 413, 415, 428),
        },
      },
      delete: {
        tags: tag,
        operationId: `delete${type === 'poll' ? 'Poll' : 'Initiative'}`,
        summary: `Delete a ${type} (organiser). One with ${type === 'poll' ? 'ballots' : 'supports'} is kept (409): close or hide it instead.`,
        security,
        parameters: [idParam(type), ifMatch(true)],
        responses: { 204: { description: 'Deleted' }, ...problems(401, 403, 404, 409, 412, 428) },
      },
    },
    [`${base}/{id}/close`]: action(
      'close',
      type === 'poll' ? 'Close the poll now: its results are final and shown to everyone' : 'Close: no more support',
      'organiser',
    ),
    [`${base}/{id}/reopen`]: action(
      'reopen',
      type === 'poll'
        ? 'Reopen, until `closesAt` when given (a closing time already past is dropped)'
        : 'Reopen (status `active`)',
      'organiser',
      type === 'poll'
        ? { type: 'object', properties: { closesAt: { type: 'string', format: 'date-time' } } }
        : undefined,
    ),
    [`${base}/{id}/hide`]: action(
      'hide',
      'Hide from every public answer (404 to the public)',
      'organiser or moderator',
    ),
    [`${base}/{id}/unhide`]: action('unhide', 'Show again', 'organiser or moderator'),
  };
}

const signupIdParam = idParam('sign-up');

export function adminOpenApi() {
  const settings = toJsonSchema(SiteSettingsSchema, { errorMode: 'ignore', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  delete settings.$schema;
  const admin = (model: string, extra: Record<string, unknown>, required: string[]) => ({
    type: 'object',
    required: [model.toLowerCase(), 'hidden', 'anonymous', 'etag', ...required],
    properties: {
      [model.toLowerCase()]: ref(model),
      hidden: { type: 'boolean', description: 'Left out of every public answer' },
      anonymous: { type: 'boolean', description: 'Browsers without a voter token may take part' },
      etag: { type: 'string' },
      ...extra,
    },
  });
  return {
    tag: {
      name: 'admin',
      description:
        'The organisers’ side, under `/admin/api`: `Authorization: Bearer civic_admin_…` (an admin token made with `civic-server admin-token create`; roles `organiser` and `moderator`). Every write is validated with the model’s schemas and recorded in the audit log.',
    },
    securityScheme: {
      type: 'http',
      scheme: 'bearer',
      description: `An admin token (\`civic_admin_…\`), not a voter token. Roles: ${ADMIN_ROLES.join(', ')}.`,
    },
    paths: {
      '/admin/api/me': {
        get: {
          tags: ['admin'],
          operationId: 'adminMe',
          summary: 'Who this token belongs to, and its role',
          security,
          responses: {
            200: {
              description: 'The token’s holder',
              content: json({
                type: 'object',
                required: ['id', 'name', 'role'],
                properties: { id: { type: 'string' }, name: { type: 'string' }, role: { enum: ADMIN_ROLES } },
              }),
            },
            ...problems(401),
          },
        },
      },
      ...itemPaths('initiative'),
      ...itemPaths('poll'),
      '/admin/api/signups': {
        get: {
          tags: ['admin'],
          operationId: 'adminSignups',
          summary: 'Every sign-up, hidden ones too (any role)',
          security,
          responses: {
            200: {
              description: 'Sign-ups, oldest first',
              content: json({
                type: 'object',
                required: ['items'],
                properties: { items: { type: 'array', items: ref('AdminSignup') } },
              }),
            },
            ...problems(401),
          },
        },
      },
      '/admin/api/signups/export': {
        get: {
          tags: ['admin'],
          operationId: 'exportSignups',
          summary:
            'Every sign-up as an OSDI people collection with consent receipts (organiser); hidden ones only with `hidden=include`',
          security,
          parameters: [{ name: 'hidden', in: 'query', schema: { enum: ['include'] } }],
          responses: {
            200: {
              description: 'OSDI `osdi:people`',
              content: json({
                type: 'object',
                required: ['total_records', '_embedded'],
                properties: {
                  total_records: { type: 'integer' },
                  _embedded: {
                    type: 'object',
                    properties: { 'osdi:people': { type: 'array', items: { type: 'object' } } },
                  },
                },
              }),
            },
            ...problems(401, 403),
          },
        },
      },
      '/admin/api/signups/{id}': {
        delete: {
          tags: ['admin'],
          operationId: 'deleteSignup',
          summary: 'Delete a sign-up with its consent receipts (organiser)',
          security,
          parameters: [signupIdParam],
          responses: { 204: { description: 'Deleted' }, ...problems(401, 403, 404) },
        },
      },
      '/admin/api/signups/{id}/hide': {
        post: {
          tags: ['admin'],
          operationId: 'hideSignup',
          summary: 'Hide a sign-up (spam): out of the export and of “people near you” (any role)',
          security,
          parameters: [signupIdParam],
          responses: { 204: { description: 'Hidden' }, ...problems(401, 404) },
        },
      },
      '/admin/api/signups/{id}/unhide': {
        post: {
          tags: ['admin'],
          operationId: 'unhideSignup',
          summary: 'Show a hidden sign-up again (any role)',
          security,
          parameters: [signupIdParam],
          responses: { 204: { description: 'Shown' }, ...problems(401, 404) },
        },
      },
      '/admin/api/settings': {
        get: {
          tags: ['admin'],
          operationId: 'getSettings',
          summary: 'The site’s settings, with their ETag (any role)',
          security,
          responses: { ...ok('The settings', ref('AdminSettings')), ...problems(401) },
        },
        put: {
          tags: ['admin'],
          operationId: 'putSettings',
          summary: 'Change the site’s settings (organiser)',
          security,
          parameters: [ifMatch(true)],
          requestBody: { required: true, content: json(ref('SiteSettings')) },
          responses: {
            ...ok('The settings as saved', ref('AdminSettings')),
            ...problems(400, 401, 403, 412, 415, 428),
          },
        },
      },
      '/admin/api/follows': {
        get: {
          tags: ['admin'],
          operationId: 'listFollows',
          summary: 'The fediverse accounts and communities this one follows (any role)',
          security,
          responses: {
            200: {
              description: 'What is followed, and when each was last read',
              content: json({
                type: 'object',
                required: ['items'],
                properties: { items: { type: 'array', items: ref('Follow') } },
              }),
            },
            ...problems(401),
          },
        },
        post: {
          tags: ['admin'],
          operationId: 'follow',
          summary:
            'Follow a Civic Kit community, a Mobilizon group, a Gancio instance or a Mastodon account (organiser)',
          security,
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              required: ['target'],
              properties: { target: { type: 'string', description: '`@name@host` or the account’s https address' } },
            }),
          },
          responses: {
            201: { description: 'Followed; its outbox was read', content: json(ref('Follow')) },
            ...problems(400, 401, 403, 415),
          },
        },
        delete: {
          tags: ['admin'],
          operationId: 'unfollow',
          summary: 'Stop following; what came from there leaves every list (organiser)',
          security,
          parameters: [
            {
              name: 'target',
              in: 'query',
              required: true,
              description: 'The handle or actor address',
              schema: { type: 'string' },
            },
          ],
          responses: { 204: { description: 'Unfollowed' }, ...problems(401, 403, 404) },
        },
      },
      '/admin/api/blocks': {
        get: {
          tags: ['admin'],
          operationId: 'listBlocks',
          summary: 'Blocked domains (any role)',
          security,
          responses: {
            200: {
              description: 'Blocked domains',
              content: json({
                type: 'object',
                required: ['items'],
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['domain', 'created_at'],
                      properties: { domain: { type: 'string' }, created_at: { type: 'string' } },
                    },
                  },
                },
              }),
            },
            ...problems(401),
          },
        },
        post: {
          tags: ['admin'],
          operationId: 'block',
          summary:
            'Refuse a domain (and its subdomains) everywhere: deliveries, followers, what was followed there (organiser)',
          security,
          requestBody: {
            required: true,
            content: json({ type: 'object', required: ['domain'], properties: { domain: { type: 'string' } } }),
          },
          responses: {
            201: {
              description: 'Blocked',
              content: json({
                type: 'object',
                required: ['domain', 'unfollowed', 'followersRemoved'],
                properties: {
                  domain: { type: 'string' },
                  unfollowed: { type: 'integer', minimum: 0 },
                  followersRemoved: { type: 'integer', minimum: 0 },
                },
              }),
            },
            ...problems(400, 401, 403, 415),
          },
        },
      },
      '/admin/api/blocks/{domain}': {
        delete: {
          tags: ['admin'],
          operationId: 'unblock',
          summary: 'Unblock a domain (organiser)',
          security,
          parameters: [{ name: 'domain', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 204: { description: 'Unblocked' }, ...problems(401, 403, 404) },
        },
      },
      '/admin/api/audit': {
        get: {
          tags: ['admin'],
          operationId: 'auditLog',
          summary: 'The audit log, newest first: who did what, when (any role)',
          security,
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
            { name: 'before', in: 'query', description: 'An entry’s `at`: older entries', schema: { type: 'string' } },
            { name: 'target', in: 'query', description: 'Only entries about this item', schema: { type: 'string' } },
          ],
          responses: {
            200: {
              description: 'Entries',
              content: json({
                type: 'object',
                required: ['items'],
                properties: { items: { type: 'array', items: ref('AuditEntry') } },
              }),
            },
            ...problems(400, 401),
          },
        },
      },
    },
    schemas: {
      Follow: {
        type: 'object',
        description: 'A followed fediverse account or community',
        required: ['actor', 'handle', 'name', 'inbox', 'state', 'created_at', 'failures'],
        properties: {
          actor: { type: 'string', description: 'Its actor address' },
          handle: { type: 'string', examples: ['town@other.example'] },
          name: { type: 'string' },
          url: { type: ['string', 'null'] },
          inbox: { type: 'string' },
          outbox: { type: ['string', 'null'] },
          follow_id: { type: 'string' },
          state: { enum: ['pending', 'accepted'] },
          created_at: { type: 'string' },
          fetched_at: { type: ['string', 'null'], description: 'When its outbox was last read' },
          next_fetch_at: { type: ['string', 'null'] },
          failures: { type: 'integer', minimum: 0, description: 'Reads failed in a row (each doubles the wait)' },
          last_error: { type: ['string', 'null'] },
        },
      },
      AdminInitiative: admin('Initiative', { supports: { type: 'integer', minimum: 0 } }, ['supports']),
      AdminPoll: admin('Poll', { ballots: { type: 'integer', minimum: 0 } }, ['ballots']),
      InitiativeInput: {
        allOf: [ref('Initiative')],
        description:
          'An initiative, plus `anonymous` (default: the site setting). `supporters.count` is used only when it is made.',
        properties: { anonymous: { type: 'boolean' } },
      },
      PollInput: {
        type: 'object',
        description:
          'A poll as the model has it, without `status`, `results` and `myBallot` (ignored if sent), plus `anonymous` (default: the site setting).',
        required: ['id', 'question', 'kind', 'options'],
        properties: {
          id: { type: 'string', minLength: 1, maxLength: 200 },
          question: { type: 'string', minLength: 1, maxLength: 1000 },
          description: { type: 'string', maxLength: 10000 },
          kind: { enum: ['single', 'multiple', 'ranked'] },
          maxChoices: { type: 'integer', minimum: 1 },
          options: {
            type: 'array',
            minItems: 2,
            maxItems: 100,
            items: {
              type: 'object',
              required: ['id', 'label'],
              properties: { id: { type: 'string' }, label: { type: 'string' } },
            },
          },
          opensAt: { type: 'string', format: 'date-time' },
          closesAt: { type: 'string', format: 'date-time' },
          resultsVisibility: { enum: ['always', 'after-vote', 'after-close'] },
          allowChange: { type: 'boolean' },
          language: { type: 'string' },
          anonymous: { type: 'boolean' },
        },
      },
      AdminSignup: {
        type: 'object',
        required: ['id', 'name', 'email', 'interests', 'consents', 'createdAt', 'hidden'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          email: { type: 'string' },
          place: { type: ['string', 'null'] },
          interests: { type: 'array', items: { type: 'string' } },
          message: { type: ['string', 'null'] },
          consents: {
            type: 'array',
            items: {
              type: 'object',
              required: ['purpose', 'version'],
              properties: { purpose: { type: 'string' }, version: { type: 'string' } },
            },
          },
          createdAt: { type: 'string', format: 'date-time' },
          hidden: { type: 'boolean' },
        },
      },
      SiteSettings: settings,
      AdminSettings: {
        type: 'object',
        required: ['settings', 'etag'],
        properties: { settings: ref('SiteSettings'), etag: { type: 'string' } },
      },
      AuditEntry: {
        type: 'object',
        required: ['id', 'at', 'actor', 'action', 'target', 'detail'],
        properties: {
          id: { type: 'string' },
          at: { type: 'string', format: 'date-time' },
          actor: {
            type: 'object',
            required: ['id', 'name', 'role'],
            properties: {
              id: { type: 'string', description: '`token:<id>` or `cli:<user>`' },
              name: { type: 'string' },
              role: { enum: ADMIN_ROLES },
            },
          },
          action: { type: 'string', examples: ['poll.create', 'poll.close', 'signup.delete'] },
          target: {
            type: 'object',
            required: ['type'],
            properties: { type: { type: 'string' }, id: { type: 'string' } },
          },
          detail: { type: 'object', description: 'What changed (field names); never anyone’s personal data' },
        },
      },
    },
  };
}
