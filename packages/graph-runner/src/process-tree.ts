import { readdirSync, readFileSync } from 'node:fs';

/** A field of /proc/<pid>/status as a number, or undefined once the process has ended. */
function statusField(pid: number, field: string): number | undefined {
  try {
    const value = new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return value === undefined ? undefined : Number(value);
  } catch {
    return undefined;
  }
}

/** The processes under `pid`, children first (Linux, from /proc). */
export function descendants(pid: number): number[] {
  const childrenOf = new Map<number, number[]>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const parent = statusField(Number(entry), 'PPid');
    if (parent !== undefined) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const pending = [pid];
  while (pending.length > 0) {
    const children = childrenOf.get(pending.pop()!) ?? [];
    found.push(...children);
    pending.push(...children);
  }
  return found;
}

/** Resident memory of `pid` in bytes (0 once it has ended). */
export function residentBytes(pid: number): number {
  return (statusField(pid, 'VmRSS') ?? 0) * 1024;
}

/** Resident memory of `pid` and everything under it, in bytes. */
export function treeResidentBytes(pid: number): number {
  return [pid, ...descendants(pid)].reduce((total, each) => total + residentBytes(each), 0);
}
