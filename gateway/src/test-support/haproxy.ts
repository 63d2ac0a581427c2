import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePorts, waitFor } from '@klynge/test-infrastructure';

/** Where Debian's package (`haproxy`) puts it. */
const HAPROXY = '/usr/sbin/haproxy';

/**
 * A GraphQL body whose document is a query (`query ...` or `{ ...`): the only requests HAProxy may
 * send again to another instance once they reached one. The gateway sends {"query": ...} first
 * (see subgraph-fetcher.ts), and so do the tests' clients.
 */
const GRAPHQL_QUERY_BODY = String.raw`^\{"query":"(query[^A-Za-z0-9_]|\{)`;

/** The response header naming the instance that answered; HAProxy's own answers have none. */
export const ANSWERED_BY = 'x-answered-by';

/** One service behind HAProxy: a frontend of its own, and its instances as a backend. */
export interface LoadBalancedService {
  readonly name: string;
  readonly servers: readonly { readonly name: string; readonly port: number }[];
}

/** One request as HAProxy logged it. */
export interface HaproxyRequest {
  readonly at: number;
  readonly frontend: string;
  /** The instance it went to last; `<NOSRV>` when none was chosen. */
  readonly server: string;
  readonly status: number;
  /** HAProxy's termination state: `--` for a request that ended normally. */
  readonly termination: string;
  /** How often HAProxy tried again (a leading `+`: on another instance). */
  readonly retries: string;
  /** `query` (a GraphQL query, which may be sent again), or `other` (a mutation, or not GraphQL). */
  readonly operation: string;
  /** HAProxy answered itself (no instance, or none answered in time), not an instance. */
  readonly fromHaproxy: boolean;
}

export interface HaproxyNotice {
  readonly at: number;
  readonly line: string;
}

export interface Haproxy {
  /** `http://127.0.0.1:<port>` of the service's frontend. */
  urlOf(service: string): string;
  /** Each instance's state as HAProxy's health checks see it (`UP`, `DOWN`, `UP 1/2`, ...), by `<service>/<instance>`. */
  serverStates(): Promise<Map<string, string>>;
  /** Per instance (`<service>/<instance>`): requests retried on it and requests redispatched from it. */
  serverCounters(): Promise<Map<string, { retries: number; redispatches: number }>>;
  /** Every request logged so far. */
  requests(): readonly HaproxyRequest[];
  /** What it logged that is not a request: an instance going down or up, a backend without any. */
  notices(): readonly HaproxyNotice[];
  stop(): Promise<void>;
}

/**
 * HAProxy as a deployment would put it in front of replicas: per service a frontend and a backend
 * over its instances, health-checked on /ready as Kubernetes' readiness probe is, and the choice
 * of what may be tried again. A request that found no instance (connection refused) goes to
 * another; a query whose instance died before answering goes to another; a mutation whose
 * instance died is NOT sent again (it may have been applied): its caller gets HAProxy's 502, or,
 * when it went over a connection HAProxy kept open to that instance, its own connection closed
 * without an answer (and no line in HAProxy's log); either way it cannot tell whether it took effect.
 */
export async function startHaproxy(directory: string, services: readonly LoadBalancedService[]): Promise<Haproxy> {
  if (!existsSync(HAPROXY)) {
    throw new Error(`HAProxy is not installed at ${HAPROXY}: apt-get install haproxy (Debian's package; .ci/run installs it)`);
  }
  const [statsPort, ...frontendPorts] = await freePorts(services.length + 1);
  const ports = new Map(services.map((service, index) => [service.name, frontendPorts[index]!]));
  const file = path.join(directory, 'haproxy.cfg');
  writeFileSync(file, haproxyConfig(services, ports, statsPort!));
  const child: ChildProcess = spawn(HAPROXY, ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  const requests: HaproxyRequest[] = [];
  const notices: HaproxyNotice[] = [];
  let stderr = '';
  let pending = '';
  // Its log (requests, and what happens to the instances) on stdout; warnings again on stderr.
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const request = parseRequest(line);
      if (request) requests.push(request);
      else if (line.trim()) notices.push({ at: Date.now(), line });
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const statsUrl = `http://127.0.0.1:${statsPort}/stats;csv`;
  const stats = async () => {
    const [header, ...rows] = (await (await fetch(statsUrl)).text()).trim().split('\n');
    const columns = header!.replace(/^# /, '').split(',');
    return rows.map((row) => Object.fromEntries(row.split(',').map((value, index) => [columns[index]!, value])));
  };
  const servers = async () => (await stats()).filter((row) => row.svname !== 'FRONTEND' && row.svname !== 'BACKEND');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  try {
    await waitFor(
      'HAProxy to answer',
      async () => {
        if (child.exitCode !== null) throw new Error(`HAProxy exited (${child.exitCode}): ${stderr}`);
        return (await fetch(statsUrl)).ok;
      },
      { timeoutMs: 10_000 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    urlOf: (service) => `http://127.0.0.1:${ports.get(service)!}`,
    serverStates: async () => new Map((await servers()).map((row) => [`${row.pxname}/${row.svname}`, row.status!])),
    serverCounters: async () =>
      new Map(
        (await servers()).map((row) => [
          `${row.pxname}/${row.svname}`,
          { retries: Number(row.wretr || 0), redispatches: Number(row.wredis || 0) },
        ]),
      ),
    requests: () => requests,
    notices: () => notices,
    stop,
  };
}

function haproxyConfig(services: readonly LoadBalancedService[], ports: ReadonlyMap<string, number>, statsPort: number): string {
  const proxies = services.map(
    (service) => `
frontend ${service.name}
  bind 127.0.0.1:${ports.get(service.name)}
  log-format "request %ft %s %ST %tsc %rc %[var(txn.operation)]"
  default_backend ${service.name}

backend ${service.name}
  balance roundrobin
  # Kubernetes' readiness probe: an instance gets requests while its /ready answers 200.
  option httpchk GET /ready
  http-check expect status 200
  # A query may be sent again (to another instance: redispatch) when its instance refused the
  # connection, or closed it without answering (it died); anything else (a mutation) only when
  # it never reached an instance. The body is read before a server is chosen, to tell them apart.
  http-request set-var(txn.operation) str(query) if { req.body -m reg '${GRAPHQL_QUERY_BODY}' }
  http-request set-var(txn.operation) str(other) unless { var(txn.operation) -m found }
  http-request disable-l7-retry unless { var(txn.operation) -m str query }
  http-response set-header ${ANSWERED_BY} %s
${service.servers.map((server) => `  server ${server.name} 127.0.0.1:${server.port}`).join('\n')}
`,
  );
  return `# Written by the replicas fault test: HAProxy in front of two instances of every service.
global
  log stdout format raw local0 info
  nbthread 1
  maxconn 4000

defaults
  mode http
  log global
  option http-buffer-request
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response junk-response
  timeout connect 1s
  timeout server 60s
  timeout http-request 10s
  # Longer than an instance keeps an idle connection (a subgraph: 65 s, which its Keep-Alive
  # header, passed on, tells the gateway): the client closes an idle connection first, never
  # HAProxy under a request the client is just sending on it.
  timeout client 70s
  timeout http-keep-alive 70s
  # An instance whose connections are refused (it died) is down at the first request that finds
  # it so; the checks find it within a second otherwise (every second, every 250 ms once one
  # failed, down after 3 failures). A check may take 2 s, as a readiness probe may take its
  # timeout: an instance busy for a moment (a gateway switching supergraphs, a process that has
  # just started) stays in. Back after 2 checks passed.
  timeout check 2s
  default-server check inter 1s fastinter 250ms downinter 1s fall 3 rise 2 observe layer4 error-limit 1 on-error mark-down
${proxies.join('')}
listen stats
  bind 127.0.0.1:${statsPort}
  no log
  stats enable
  stats uri /stats
`;
}

/** `request <frontend> <server> <status> <termination> <retries> <operation>`, as the log-format above writes it. */
function parseRequest(line: string): HaproxyRequest | undefined {
  const [tag, frontend, server, status, termination, retries, operation] = line.trim().split(' ');
  if (tag !== 'request' || operation === undefined) return undefined;
  // The second letter is the session's state when it ended: before the server's headers came
  // (R, Q, C, H, T), the answer is HAProxy's own; after (D, L) or normally (-), the server's.
  const fromHaproxy = server === '<NOSRV>' || /^.[RQCHT]/.test(termination!);
  return {
    at: Date.now(),
    frontend: frontend!,
    server: server!,
    status: Number(status),
    termination: termination!,
    retries: retries!,
    operation,
    fromHaproxy,
  };
}
