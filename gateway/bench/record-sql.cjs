/**
 * A benchmark instrument, preloaded (node -r) into a subgraph the benchmark starts: SIGUSR2 starts
 * recording the SQL statements the process sends through `pg`, the next SIGUSR2 writes them (text
 * and parameter values) as JSON to the file BENCH_SQL_RECORD names. The benchmark sends one
 * request in between, then times those statements straight on PostgreSQL ("SQL alone"). Off
 * between the signals: the load runs unrecorded. Not part of Klynge.
 */
const { renameSync, writeFileSync } = require('node:fs');
const { Client } = require('pg');

const file = process.env.BENCH_SQL_RECORD;
let recorded;
const query = Client.prototype.query;
Client.prototype.query = function recordedQuery(config, values, callback) {
  if (recorded && config) {
    const text = typeof config === 'string' ? config : config.text;
    const parameters = Array.isArray(values) ? values : typeof config === 'object' ? config.values : undefined;
    if (typeof text === 'string') recorded.push({ text, values: parameters ?? [] });
  }
  return query.call(this, config, values, callback);
};
process.on('SIGUSR2', () => {
  if (!recorded) {
    recorded = [];
    // Signals arrive between other events: the benchmark sends its request once this file says recording is on.
    if (file) writeFileSync(`${file}.on`, '');
    return;
  }
  if (file) {
    // Whole or not at all: the benchmark reads the file as soon as it appears.
    writeFileSync(`${file}.part`, JSON.stringify(recorded));
    renameSync(`${file}.part`, file);
  }
  recorded = undefined;
});
