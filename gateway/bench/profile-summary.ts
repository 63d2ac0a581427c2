/**
 * Where a process's busy time went, from a V8 CPU profile (`node --cpu-prof`, or the benchmark's
 * BENCH_CPU_PROF): self time per package (node internals, garbage collection and our code apart)
 * and the functions that took most. Idle time is left out.
 *
 *   node -r @klynge/jest-config/register gateway/bench/profile-summary.ts <file.cpuprofile> [functions=25]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const [file, top = '25'] = process.argv.slice(2);
if (!file) throw new Error('Give the .cpuprofile file to read');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));

function ownerOf({ callFrame: { functionName, url } }: ProfileNode): string | undefined {
  if (functionName === '(idle)' || functionName === '(program)') return undefined;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (!url || url.startsWith('node:')) return 'node internals';
  const packages = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
  if (packages.length > 0) return packages[packages.length - 1]![1]!;
  return 'klynge';
}

const byOwner = new Map<string, number>();
const byFunction = new Map<string, number>();
let busy = 0;
profile.samples.forEach((id, index) => {
  const node = nodes.get(id)!;
  const owner = ownerOf(node);
  if (!owner) return;
  const micros = profile.timeDeltas[index] ?? 0;
  busy += micros;
  byOwner.set(owner, (byOwner.get(owner) ?? 0) + micros);
  const { functionName, url, lineNumber } = node.callFrame;
  const where = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(gateway|packages|services)\//, '$1/')}:${lineNumber + 1}`;
  byFunction.set(where, (byFunction.get(where) ?? 0) + micros);
});

const share = (micros: number) => `${((100 * micros) / busy).toFixed(1).padStart(5)} %`;
process.stdout.write(`busy ${(busy / 1e6).toFixed(2)} s\n\nby package:\n`);
for (const [owner, micros] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 20)) process.stdout.write(`${share(micros)}  ${owner}\n`);
process.stdout.write('\nby function (self time):\n');
for (const [where, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
  process.stdout.write(`${share(micros)}  ${where}\n`);
