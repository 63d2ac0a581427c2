import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type SubgraphEntry } from '@klynge/schemas';
import { GATEWAY_PRINCIPAL, servicePrincipal } from '@klynge/subgraph-registry';
import { stringify } from 'yaml';
import type { DerivedFile } from './derived-file';

/**
 * The Kustomize base in infra/k8s/base: per subgraph of the registry and for the gateway, what
 * runs it on Kubernetes. The overlays (infra/k8s/overlays/*) are kept by hand: they name no
 * subgraph, only what differs between clusters (namespace, release, registry, Kafka's address).
 *
 * Outside the manifests, and assumed by their NetworkPolicies:
 * - each subgraph's PostgreSQL runs as an operator-managed cluster whose pods carry
 *   `klynge.no/database: <database>` (CloudNativePG and its kind let a cluster's pods inherit a label);
 * - the Kafka brokers' pods carry `klynge.no/kafka: broker` and take clients on 9092;
 * - the namespace of the database operator is labelled `klynge.no/database-operator: "true"`, and
 *   the namespace of whatever scrapes the gateway's metrics `klynge.no/monitoring: "true"`.
 */
export const KUBERNETES_BASE = 'infra/k8s/base';

export const DATABASE_LABEL = 'klynge.no/database';
export const KAFKA_LABEL = 'klynge.no/kafka';
export const DATABASE_OPERATOR_LABEL = 'klynge.no/database-operator';
export const MONITORING_LABEL = 'klynge.no/monitoring';
export const POSTGRES_PORT = 5432;
export const KAFKA_PORT = 9092;
export const GATEWAY_PORT = 4000;
export const GATEWAY_METRICS_PORT = 9464;
/** The ConfigMap the overlays generate with what differs between clusters (platform.env). */
export const PLATFORM_CONFIG = 'klynge-platform';
export const SUPERGRAPH_CONFIG = 'klynge-supergraph';
/** Where the gateway finds the supergraph: the ConfigMap mounted as a folder (see gatewayDeployment). */
export const SUPERGRAPH_MOUNT = '/etc/klynge/supergraph';
/** The Secret every process that checks tokens reads JWT_SECRET from. */
export const JWT_SECRET_NAME = 'klynge-jwt';
/** The gateways' own Secret: KAFKA_PASSWORD, the password of their principal on Kafka (the response cache reads the events). */
export const GATEWAY_SECRET_NAME = 'klynge-gateway';
/** A subgraph's own Secret: DATABASE_URL, KAFKA_PASSWORD and SUBGRAPH_SECRET (which the gateway reads too). */
export const serviceSecretName = (entry: Pick<SubgraphEntry, 'name'>) => `klynge-${entry.name}`;
/** The node user of the official Node.js image, by number (runAsNonRoot verifies numbers). */
const NODE_UID = 1000;

type Component = 'gateway' | 'subgraph' | 'migration' | 'database';
type Labels = Record<string, string>;
type Manifest = Record<string, unknown>;

const selectorOf = (name: string, component: Component): Labels => ({
  'app.kubernetes.io/name': name,
  'app.kubernetes.io/component': component,
});
const labelsOf = (name: string, component: Component): Labels => ({
  ...selectorOf(name, component),
  'app.kubernetes.io/part-of': 'klynge',
});
const metadataOf = (name: string, component: Component) => ({ name, labels: labelsOf(name, component) });
const imageOf = (name: string) => `klynge/${name}`;

/**
 * Requests and limits, from what was measured on the 2-core development machine:
 * - the gateway: 182 MiB resident at start and 214 MiB after 200 requests (`npm run
 *   bench:gateway-start`, medians of 5, gateway/bench/README.md); 263 MiB after 400 dashboard
 *   queries (the NceDashboard operation, 8 at a time, on the demo data, `npm run stack`,
 *   2026-12-07), for 1.6 s of CPU over those 8.2 s. At `npm run bench`'s load (the dashboard query
 *   on 1,000 generated clusters) one gateway process keeps a core busy at 22-37 requests a second,
 *   and a second process on the same two cores gained nothing: more load takes more pods (the
 *   HorizontalPodAutoscaler, at 70 % of the request), not a larger one.
 * - a subgraph: 144-149 MiB resident once ready, at most 176 MiB (clusters) after those 400
 *   queries, the busiest (clusters) using 0.47 s of CPU for them. The limit leaves room for
 *   larger data than the demo's.
 * A migration Job loads the same service code as its subgraph, so it gets the same.
 */
const GATEWAY_RESOURCES = { requests: { cpu: '500m', memory: '320Mi' }, limits: { cpu: '2', memory: '640Mi' } };
const SUBGRAPH_RESOURCES = { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } };

const literal = (name: string, value: string | number) => ({ name, value: String(value) });
const fromSecret = (name: string, secret: string, key: string = name, options: { optional?: boolean } = {}) => ({
  name,
  valueFrom: { secretKeyRef: { name: secret, key, ...options } },
});
/**
 * A secret's previous value, read while it is rotated (docs/operations.md, "Rotate secrets"): a key
 * the Secret has only then, so that a rotation is an edit of the Secret and a rolling restart.
 */
const previousFromSecret = (name: string, secret: string) => fromSecret(name, secret, name, { optional: true });
const fromPlatform = (name: string, options: { optional?: boolean } = {}) => ({
  name,
  valueFrom: { configMapKeyRef: { name: PLATFORM_CONFIG, key: name, ...options } },
});

/** Nothing in the image may change (read-only root filesystem), nor the process gain privileges. */
const CONTAINER_SECURITY = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

/**
 * A pod of ours: a non-root user by number, no Kubernetes API token (nothing here calls the API),
 * and no service links (Kubernetes would otherwise set CLUSTERS_PORT=tcp://... and the like in
 * every container, names our own settings might take). /tmp is the one writable folder, in case a
 * library writes there; the services themselves write nothing to disk.
 */
function podSpec(containers: Manifest[], volumes: Manifest[] = [], restartPolicy?: 'Never') {
  return {
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    ...(restartPolicy ? { restartPolicy } : { terminationGracePeriodSeconds: 30 }),
    securityContext: {
      runAsNonRoot: true,
      runAsUser: NODE_UID,
      runAsGroup: NODE_UID,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    containers: containers.map((container) => ({
      ...container,
      securityContext: CONTAINER_SECURITY,
      volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }, ...((container.volumeMounts as Manifest[] | undefined) ?? [])],
    })),
    volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }, ...volumes],
  };
}

/**
 * Probes: live while /health answers; ready while /ready does (a subgraph's /ready checks that its
 * database and its broker answer, the gateway's that it serves a supergraph). A process answers
 * neither until it has started: a subgraph listens once it has migrated and its consumers have
 * made their first attempt to join their groups (kafkajs's run() returns once joined; a failed
 * attempt is retried in the background), which may wait on another pod's migrations; the startup
 * probe gives it five minutes before liveness counts.
 * Stopping, Kubernetes first takes the pod out of its Service, which its proxies learn a moment
 * later; the preStop sleep lets them, before SIGTERM starts the graceful shutdown
 * (SHUTDOWN_TIMEOUT_MS, 10 s, within the 30 s grace period).
 */
const probesAndStop = {
  startupProbe: { httpGet: { path: '/health', port: 'http' }, periodSeconds: 5, failureThreshold: 60 },
  readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5, timeoutSeconds: 5, failureThreshold: 2 },
  livenessProbe: { httpGet: { path: '/health', port: 'http' }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
  lifecycle: { preStop: { sleep: { seconds: 5 } } },
};

function deployment(name: string, component: Component, options: { container: Manifest; volumes?: Manifest[] }): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadataOf(name, component),
    spec: {
      replicas: 2,
      revisionHistoryLimit: 5,
      selector: { matchLabels: selectorOf(name, component) },
      // A new pod is ready before an old one goes: capacity never drops during a rollout.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: labelsOf(name, component) },
        spec: podSpec([{ name, image: imageOf(name), ...options.container, ...probesAndStop }], options.volumes),
      },
    },
  };
}

function service(name: string, component: Component, ports: { name: string; port: number }[]): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadataOf(name, component),
    spec: {
      selector: selectorOf(name, component),
      ports: ports.map((port) => ({ ...port, targetPort: port.name, protocol: 'TCP' })),
    },
  };
}

/** A voluntary disruption (a node drained) takes one pod at a time; a one-replica overlay can still drain. */
function podDisruptionBudget(name: string, component: Component): Manifest {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: metadataOf(name, component),
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorOf(name, component) } },
  };
}

const dnsEgress = {
  to: [
    {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    },
  ],
  ports: [
    { protocol: 'UDP', port: 53 },
    { protocol: 'TCP', port: 53 },
  ],
};
/** In whichever namespace the operator runs the database. */
const databaseEgress = (entry: SubgraphEntry) => ({
  to: [{ namespaceSelector: {}, podSelector: { matchLabels: { [DATABASE_LABEL]: entry.database } } }],
  ports: [{ protocol: 'TCP', port: POSTGRES_PORT }],
});
const kafkaEgress = {
  to: [{ namespaceSelector: {}, podSelector: { matchLabels: { [KAFKA_LABEL]: 'broker' } } }],
  ports: [{ protocol: 'TCP', port: KAFKA_PORT }],
};

function networkPolicy(name: string, component: Component, spec: { podSelector: Labels; ingress: Manifest[]; egress?: Manifest[] }) {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadataOf(name, component),
    spec: {
      podSelector: { matchLabels: spec.podSelector },
      policyTypes: spec.egress ? ['Ingress', 'Egress'] : ['Ingress'],
      ingress: spec.ingress,
      ...(spec.egress ? { egress: spec.egress } : {}),
    },
  };
}

/** A subgraph takes requests from the gateway only; it reaches DNS, its own database and Kafka, nothing else. */
function subgraphNetworkPolicy(entry: SubgraphEntry): Manifest {
  return networkPolicy(entry.name, 'subgraph', {
    podSelector: selectorOf(entry.name, 'subgraph'),
    ingress: [
      { from: [{ podSelector: { matchLabels: selectorOf('gateway', 'gateway') } }], ports: [{ protocol: 'TCP', port: entry.port }] },
    ],
    egress: [dnsEgress, databaseEgress(entry), kafkaEgress],
  });
}

/** A migration Job takes nothing and reaches DNS and its own database only. */
function migrationNetworkPolicy(entry: SubgraphEntry): Manifest {
  return networkPolicy(`${entry.name}-migrate`, 'migration', {
    podSelector: selectorOf(entry.name, 'migration'),
    ingress: [],
    egress: [dnsEgress, databaseEgress(entry)],
  });
}

/**
 * A database takes connections from its own service's pods (the subgraph and its migration Job)
 * only, besides its own cluster's pods (replication) and its operator's namespace (which manages
 * the instances); it applies where the database's pods run in the same namespace as the service.
 */
function databaseNetworkPolicy(entry: SubgraphEntry): Manifest {
  return networkPolicy(`${entry.name}-database`, 'database', {
    podSelector: { [DATABASE_LABEL]: entry.database },
    ingress: [
      {
        from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': entry.name } } }],
        ports: [{ protocol: 'TCP', port: POSTGRES_PORT }],
      },
      { from: [{ podSelector: { matchLabels: { [DATABASE_LABEL]: entry.database } } }] },
      { from: [{ namespaceSelector: { matchLabels: { [DATABASE_OPERATOR_LABEL]: 'true' } } }] },
    ],
  });
}

/**
 * The release's migrations, once: the overlays name the Job after the release (klynge-release's
 * version, see their kustomization.yaml), so applying a new release makes a new Job and applying
 * the same one again leaves the finished Job as it is. The subgraph's pods migrate at start too,
 * under the same PostgreSQL advisory lock, and find nothing left; so the Job and the rollout need
 * no order, and a failing migration fails this Job, with its log, once. A Job rather than an
 * init container: that would run in every pod of every rollout, not once per release.
 */
function migrationJob(entry: SubgraphEntry): Manifest {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: metadataOf(`${entry.name}-migrate`, 'migration'),
    spec: {
      backoffLimit: 3,
      // A day to read its log; deleted after, it would only find nothing to do if applied again.
      ttlSecondsAfterFinished: 86_400,
      template: {
        metadata: { labels: labelsOf(entry.name, 'migration') },
        spec: podSpec(
          [
            {
              name: 'migrate',
              image: imageOf(entry.name),
              command: ['/repo/node_modules/.bin/klynge-subgraph', `/repo/${entry.directory}`, 'migrate'],
              env: [fromSecret('DATABASE_URL', serviceSecretName(entry)), fromPlatform('LOG_LEVEL')],
              resources: SUBGRAPH_RESOURCES,
            },
          ],
          [],
          'Never',
        ),
      },
    },
  };
}

function subgraphDeployment(entry: SubgraphEntry): Manifest {
  const secret = serviceSecretName(entry);
  return deployment(entry.name, 'subgraph', {
    container: {
      ports: [{ name: 'http', containerPort: entry.port }],
      env: [
        literal('PORT', entry.port),
        literal('HOST', '0.0.0.0'),
        fromSecret('DATABASE_URL', secret),
        fromPlatform('KAFKA_BROKERS'),
        literal('KAFKA_USERNAME', servicePrincipal(entry.name)),
        fromSecret('KAFKA_PASSWORD', secret),
        fromPlatform('KAFKA_REPLICATION_FACTOR'),
        fromSecret('JWT_SECRET', JWT_SECRET_NAME),
        previousFromSecret('JWT_SECRET_PREVIOUS', JWT_SECRET_NAME),
        fromSecret('SUBGRAPH_SECRET', secret),
        previousFromSecret('SUBGRAPH_SECRET_PREVIOUS', secret),
        fromPlatform('LOG_LEVEL'),
      ],
      resources: SUBGRAPH_RESOURCES,
    },
  });
}

/**
 * The gateway reads the supergraph from the ConfigMap, mounted as a folder: Kubernetes replaces
 * the files of such a mount when the ConfigMap changes (a subPath mount would never change), and
 * the gateway, which checks SUPERGRAPH_SOURCE every SUPERGRAPH_POLL_INTERVAL_MS, switches to the
 * new supergraph without a restart. The ConfigMap keeps its name (no hash suffix): a new name
 * would change the pod template and restart every gateway.
 */
function gatewayDeployment(registry: readonly SubgraphEntry[]): Manifest {
  return deployment('gateway', 'gateway', {
    container: {
      ports: [
        { name: 'http', containerPort: GATEWAY_PORT },
        { name: 'metrics', containerPort: GATEWAY_METRICS_PORT },
      ],
      env: [
        literal('PORT', GATEWAY_PORT),
        literal('HOST', '0.0.0.0'),
        // Production serves /metrics on a listener of its own, which the Service names but the internet never reaches.
        literal('METRICS_PORT', GATEWAY_METRICS_PORT),
        literal('METRICS_HOST', '0.0.0.0'),
        literal('DASHBOARD_DIR', '/repo/dashboard/dist'),
        literal('SUPERGRAPH_SOURCE', `file:${SUPERGRAPH_MOUNT}/supergraph.graphql`),
        ...registry.map((entry) => literal(entry.urlVariable, `http://${entry.name}:${entry.port}/graphql`)),
        fromSecret('JWT_SECRET', JWT_SECRET_NAME),
        previousFromSecret('JWT_SECRET_PREVIOUS', JWT_SECRET_NAME),
        // The secret each subgraph expects, from that subgraph's own Secret: one value, one place.
        ...registry.map((entry) => fromSecret(entry.secretVariable, serviceSecretName(entry), 'SUBGRAPH_SECRET')),
        fromPlatform('CORS_ORIGINS', { optional: true }),
        // The response cache reads the events as the gateways' principal, which may only read them.
        fromPlatform('KAFKA_BROKERS'),
        literal('KAFKA_USERNAME', GATEWAY_PRINCIPAL),
        fromSecret('KAFKA_PASSWORD', GATEWAY_SECRET_NAME),
        fromPlatform('LOG_LEVEL'),
      ],
      resources: GATEWAY_RESOURCES,
      volumeMounts: [{ name: 'supergraph', mountPath: SUPERGRAPH_MOUNT, readOnly: true }],
    },
    volumes: [{ name: 'supergraph', configMap: { name: SUPERGRAPH_CONFIG } }],
  });
}

function gatewayAutoscaler(): Manifest {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: metadataOf('gateway', 'gateway'),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' },
      minReplicas: 2,
      maxReplicas: 6,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    },
  };
}

/**
 * The gateway takes GraphQL from anywhere and metrics scrapes from monitoring; it reaches DNS, the
 * subgraphs and Kafka (its response cache reads the events), nothing else.
 */
function gatewayNetworkPolicy(registry: readonly SubgraphEntry[]): Manifest {
  return networkPolicy('gateway', 'gateway', {
    podSelector: selectorOf('gateway', 'gateway'),
    ingress: [
      { ports: [{ protocol: 'TCP', port: GATEWAY_PORT }] },
      {
        from: [{ namespaceSelector: { matchLabels: { [MONITORING_LABEL]: 'true' } } }],
        ports: [{ protocol: 'TCP', port: GATEWAY_METRICS_PORT }],
      },
    ],
    egress: [
      dnsEgress,
      ...registry.map((entry) => ({
        to: [{ podSelector: { matchLabels: selectorOf(entry.name, 'subgraph') } }],
        ports: [{ protocol: 'TCP', port: entry.port }],
      })),
      kafkaEgress,
    ],
  });
}

const GENERATED = '# Written from schemas/subgraphs.json by `npm run subgraphs:sync`; do not edit by hand.';

/** YAML documents, each as written (no folding: a long line stays one line). */
const documents = (heading: string, manifests: Manifest[]) =>
  `${heading}\n${GENERATED}\n${manifests.map((manifest) => stringify(manifest, { lineWidth: 0 })).join('---\n')}`;

const subgraphFile = (entry: SubgraphEntry) => `${KUBERNETES_BASE}/subgraphs/${entry.name}.yaml`;

export function kubernetesManifests(root: string, registry: readonly SubgraphEntry[]): DerivedFile[] {
  const subgraphs = registry.map((entry) => ({
    path: subgraphFile(entry),
    content: documents(`# The ${entry.name} subgraph (owned by ${entry.owner}) on Kubernetes; see infra/k8s/README.md.`, [
      subgraphDeployment(entry),
      service(entry.name, 'subgraph', [{ name: 'http', port: entry.port }]),
      podDisruptionBudget(entry.name, 'subgraph'),
      subgraphNetworkPolicy(entry),
      databaseNetworkPolicy(entry),
      migrationJob(entry),
      migrationNetworkPolicy(entry),
    ]),
  }));
  const gateway = {
    path: `${KUBERNETES_BASE}/gateway.yaml`,
    content: documents('# The gateway on Kubernetes; see infra/k8s/README.md.', [
      gatewayDeployment(registry),
      service('gateway', 'gateway', [
        { name: 'http', port: GATEWAY_PORT },
        { name: 'metrics', port: GATEWAY_METRICS_PORT },
      ]),
      gatewayAutoscaler(),
      podDisruptionBudget('gateway', 'gateway'),
      gatewayNetworkPolicy(registry),
    ]),
  };
  const kustomization = {
    path: `${KUBERNETES_BASE}/kustomization.yaml`,
    content: `# Every subgraph of the registry and the gateway; the overlays add what differs between clusters.\n${GENERATED}\n${stringify(
      {
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources: [gateway.path, ...subgraphs.map((file) => file.path)].map((file) => path.posix.relative(KUBERNETES_BASE, file)),
        configMapGenerator: [
          {
            name: SUPERGRAPH_CONFIG,
            files: ['supergraph.graphql'],
            // Updated in place, not renamed: see the gateway's Deployment.
            options: { disableNameSuffixHash: true, labels: labelsOf('gateway', 'gateway') },
          },
        ],
      },
      { lineWidth: 0 },
    )}`,
  };
  // Kustomize reads no file outside the kustomization's folder: the supergraph is copied in.
  const supergraph = {
    path: `${KUBERNETES_BASE}/supergraph.graphql`,
    content: readFileSync(path.join(root, 'schemas', 'supergraph.graphql'), 'utf8'),
  };
  return [kustomization, gateway, ...subgraphs, supergraph];
}
