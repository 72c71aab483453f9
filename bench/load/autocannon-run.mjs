// Drives one load with autocannon (the outside client) and prints one JSON line: autocannon's own result
// and this process's CPU time from /proc/self/stat, so the client's cost is counted like every other process's.
// Usage: node bench/load/autocannon-run.mjs '<autocannon options as JSON>'
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2]);
const result = await autocannon(options);
// Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): user and system time in clock ticks.
const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
const ticks = Number(fields[11]) + Number(fields[12]);
console.log(JSON.stringify({
  requests: result.requests.total,
  seconds: result.duration,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  latencyP50: result.latency.p50,
  latencyP99: result.latency.p99,
  clientTicks: ticks,
}));
