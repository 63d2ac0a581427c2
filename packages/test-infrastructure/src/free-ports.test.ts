import net from 'node:net';
import { ephemeralRange, freePorts } from './free-ports';

describe('freePorts', () => {
  it('chooses distinct ports below the ephemeral range, which outgoing connections never take, that a server can listen on', async () => {
    const [lowestEphemeral] = ephemeralRange();
    const ports = await freePorts(20);
    expect(new Set(ports).size).toBe(20);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(10_000);
      expect(port).toBeLessThan(lowestEphemeral);
    }
    const servers = await Promise.all(
      ports.map(
        (port) =>
          new Promise<net.Server>((resolve, reject) => {
            const server = net.createServer().once('error', reject);
            server.listen(port, '127.0.0.1', () => resolve(server));
          }),
      ),
    );
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('passes over a port something already listens on', async () => {
    const [lowestEphemeral] = ephemeralRange();
    const taken = await Promise.all(
      // Most of the range, so that chance alone would pick a taken one.
      Array.from({ length: 2_000 }, (_, index) => 10_000 + index * Math.floor((lowestEphemeral - 10_000) / 2_000)).map(
        (port) =>
          new Promise<net.Server | undefined>((resolve) => {
            const server = net.createServer().once('error', () => resolve(undefined));
            server.listen(port, '127.0.0.1', () => resolve(server));
          }),
      ),
    );
    const listening = taken.filter((server): server is net.Server => server !== undefined);
    try {
      const takenPorts = new Set(listening.map((server) => (server.address() as net.AddressInfo).port));
      const ports = await freePorts(50);
      expect(ports.filter((port) => takenPorts.has(port))).toEqual([]);
    } finally {
      await Promise.all(listening.map((server) => new Promise((resolve) => server.close(resolve))));
    }
  });
});
