import { readFileSync } from 'node:fs';
import net from 'node:net';

/** Below the kernel's ephemeral range and above the well-known and registered ports our stack uses (4000s, 5432, 6379, 9092). */
const LOWEST_CHOSEN_PORT = 10_000;

/**
 * `count` TCP ports free on 127.0.0.1 right now (held together while chosen, so distinct).
 *
 * They are chosen below the kernel's ephemeral range, not by listening on port 0: a port the kernel
 * hands out as ephemeral goes back into that pool when it is closed, and the next outgoing
 * connection (to Kafka, PostgreSQL, a subgraph) may take it as its local port before the server it
 * was chosen for listens, which then fails with EADDRINUSE (CI, stop 33). Outgoing connections never
 * take a port below the range. A port another test run chose at the same moment is the one race
 * left, one in about 20,000 per pair of choices.
 */
export async function freePorts(count: number): Promise<number[]> {
  const [lowestEphemeral] = ephemeralRange();
  const held: net.Server[] = [];
  try {
    for (let attempt = 0; held.length < count; attempt += 1) {
      if (attempt > count * 100) throw new Error(`Found only ${held.length} of ${count} free ports below ${lowestEphemeral}`);
      const port = LOWEST_CHOSEN_PORT + Math.floor(Math.random() * (lowestEphemeral - LOWEST_CHOSEN_PORT));
      if (held.some((server) => (server.address() as net.AddressInfo).port === port)) continue;
      const server = await listening(port);
      if (server) held.push(server);
    }
    return held.map((server) => (server.address() as net.AddressInfo).port);
  } finally {
    await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/** The kernel's ephemeral port range (Linux's default when it cannot be read). */
export function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (Number.isInteger(low) && Number.isInteger(high) && low! > LOWEST_CHOSEN_PORT + 1_000) return [low!, high!];
  } catch {
    // Not Linux, or /proc is not mounted: Linux's default.
  }
  return [32_768, 60_999];
}

function listening(port: number): Promise<net.Server | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
