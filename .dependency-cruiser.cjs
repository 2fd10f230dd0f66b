// Which room (folder) may import which: the arrows of ARCHITECTURE.md, checked by `npm run lint`.
// Arrows point down only; a room imports itself and the rooms listed for it, nothing else in the tree.
//
//   src/core        types and pure helpers everyone shares (messages, ports of the assistant, labels)
//   src/config      typed settings from the environment (parse-env, project root, default paths)
//   src/nlu ← src/kb ← src/dialogue   understanding, knowledge, replies: pure, no storage; the one
//                   exception is the knowledge sync (src/kb/sync*), which reads and writes the store
//   src/store       storage ports, entity schemas and their SQLite/Mongo adapters; imports only core and
//                   config, so nlu/kb/dialogue never reach a database
//   src/assistant   one message in, replies out (nlu + kb + dialogue), state through store ports
//   src/pipeline    inbound → assistant → outbox, retries, windows; channels use it only through its
//                   public module (PIPELINE_PUBLIC)
//   src/dossiers, src/retention   services over the store that also send through the pipeline (status
//                   notices, remote lookups with backoff, personal-data purge); dossiers implements the
//                   assistant's remote-lookup port
//   src/eval        scoring harness over nlu + dialogue + assistant; only the CLI (and bench) use it
//   src/services    the composition root's services: buildServices(config) wires everything above;
//                   used by server, admin and cli
//   webhooks, src/botkit-bridge   channel adapters: core, config, store ports and the pipeline's public
//                   contract
//   src/admin, src/server, src/cli   entry points; nothing imports them, except that the server mounts
//                   the staff console through its entry files (ADMIN_ENTRY); the server and the CLI
//                   read the channel list (webhooks/channels.ts)
//
// Tests, bench and scripts may import anything; production code never imports them.
const PIPELINE_PUBLIC = '^src/pipeline/(public|channel)[.]ts$';
const ADMIN_ENTRY = '^src/admin/(console|config)[.]ts$';
const KB_SYNC = '^src/kb/sync';
// The store's types (not its engines): knowledge and replies name a Dossier without reaching a database.
const STORE_TYPES = '^src/store/(ports[.]ts|entities/)';
// The list of channels of this build, which the CLI needs as the server does (see webhooks/channels.ts).
const CHANNEL_LIST = '^webhooks/channels[.]ts$';

const LOWER = {
  core: [],
  config: ['core'],
  nlu: ['core'],
  kb: ['core', 'nlu'],
  dialogue: ['core', 'nlu', 'kb'],
  store: ['core', 'config'],
  assistant: ['core', 'nlu', 'kb', 'dialogue', 'store'],
  pipeline: ['core', 'config', 'nlu', 'kb', 'dialogue', 'assistant', 'store'],
  dossiers: ['core', 'config', 'nlu', 'kb', 'dialogue', 'store', 'assistant', 'pipeline'],
  retention: ['core', 'config', 'store', 'pipeline'],
  eval: ['core', 'nlu', 'kb', 'dialogue', 'assistant'],
};
const BELOW_SERVICES = Object.keys(LOWER);
const MAY_IMPORT = {
  ...LOWER,
  services: BELOW_SERVICES,
  'botkit-bridge': ['core', 'config', 'assistant'],
  webhooks: ['core', 'config', 'store'],
  admin: [...BELOW_SERVICES, 'services'],
  server: [...BELOW_SERVICES, 'services', 'webhooks'],
  cli: [...BELOW_SERVICES, 'services'],
};
// Single files a room may import beyond its list.
const ALSO = {
  kb: { from: KB_SYNC, to: ['^src/(store|config)/'], others: [STORE_TYPES] },
  dialogue: { to: [STORE_TYPES] },
  cli: { to: [CHANNEL_LIST] },
  webhooks: { to: [PIPELINE_PUBLIC] },
  'botkit-bridge': { to: [PIPELINE_PUBLIC] },
  server: { to: [ADMIN_ENTRY] },
};

// The folder of a room: webhooks sits at the top level, every other room under src/.
const folder = (room) => (room === 'webhooks' ? 'webhooks' : `src/${room}`);
const anyOf = (rooms) => `^(${rooms.map(folder).join('|')})/`;

const layerRule = (room, lower, fromPath, extra) => ({
  name: `layer-${room}`,
  comment: `${folder(room)} may import only ${[folder(room), ...lower.map(folder), ...extra].join(', ')}`,
  severity: 'error',
  from: fromPath,
  to: { path: '^(src|webhooks)/', pathNot: [anyOf([room, ...lower]), ...extra] },
});
const layerRules = Object.entries(MAY_IMPORT).flatMap(([room, lower]) => {
  const also = ALSO[room];
  if (!also) return [layerRule(room, lower, { path: `^${folder(room)}/` }, [])];
  if (!also.from) return [layerRule(room, lower, { path: `^${folder(room)}/` }, also.to)];
  return [
    layerRule(room, lower, { path: `^${folder(room)}/`, pathNot: also.from }, also.others ?? []),
    layerRule(room, lower, { path: also.from }, also.to),
  ];
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'store-types-only',
      comment:
        "nlu, kb and dialogue may name the store's types, never load its code (only the knowledge sync does)",
      severity: 'error',
      from: { path: '^src/(nlu|kb|dialogue)/', pathNot: KB_SYNC },
      to: { path: '^src/store/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-room-outside-the-map',
      comment: 'every folder under src/ is a room of this map; a new one gets its arrows here first',
      severity: 'error',
      from: { path: '^src/', pathNot: anyOf(Object.keys(MAY_IMPORT)) },
      to: { path: '^(src|webhooks)/' },
    },
    {
      name: 'channels-are-independent',
      comment: 'one webhooks/<channel>/ never imports another channel (shared code sits in webhooks/ itself)',
      severity: 'error',
      from: { path: '^webhooks/([^/]+)/' },
      to: { path: '^webhooks/[^/]+/', pathNot: '^webhooks/$1/' },
    },
    {
      name: 'no-tests-or-bench-in-production',
      severity: 'error',
      from: { path: '^(src|webhooks)/' },
      to: { path: '^(test|bench|scripts)/' },
    },
    {
      name: 'no-dev-dependency-in-production',
      comment: '`npm ci --omit=dev` must run the server: production code uses dev dependencies only as types',
      severity: 'error',
      from: { path: '^(src|webhooks)/', pathNot: '^src/botkit-bridge/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    // Subpath imports such as csv-parse/sync resolve through package.json "exports", as in Node.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'] },
    // The browser code loads its modules by URL; it is checked by tsconfig.browser.json instead.
    exclude: { path: '/public/' },
    skipAnalysisNotInRules: true,
  },
};
