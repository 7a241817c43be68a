// Flags for the node that runs the server, passed by `npm start` (scripts/start.mjs) and by the load
// benchmark (bench/load/processes.ts) alike, so what is measured is what runs. Anyone starting
// `bin/quorum.js` another way (systemd, a container) passes the same (docs/configuration.md).
//
// --max-semi-space-size=2: a 2 MB young generation instead of V8's default (16 MB on 64-bit). Each
// request's garbage dies young, and a smaller nursery is collected sooner, so less of it is held at once:
// on PostgreSQL at 1,000,000 threads a full `npm run bench` run peaked at 329 MiB with the default,
// 294 MiB with 4 MB, and in alternated runs of the heaviest scenarios 299–323 MiB with 4 MB against
// 269–278 MiB with 2 MB, at req/s within the machine's noise (docs/performance-log.md, 2026-12-04).

/** @type {readonly string[]} */
export const SERVER_NODE_FLAGS = Object.freeze(['--max-semi-space-size=2'])
