import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** A TCP proxy in front of a server, counting the connections its clients open. */
export interface CountingProxy {
  /** `target` with the proxy's host and port in place of the server's. */
  readonly url: string;
  /** Connections opened through the proxy so far. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * Puts a proxy in front of the HTTP server at `target`, so a test can see how a client connects
 * (whether it keeps connections alive, say) without changing the server.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const destination = new URL(target);
  const sockets = new Set<net.Socket>();
  let opened = 0;
  const server = net.createServer((client) => {
    opened += 1;
    const upstream = net.connect(Number(destination.port), destination.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      // A reset on one side ends the other; nothing to report.
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const proxied = new URL(target);
  proxied.hostname = '127.0.0.1';
  proxied.port = String((server.address() as AddressInfo).port);
  return {
    url: proxied.toString(),
    connections: () => opened,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
