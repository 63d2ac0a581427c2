import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gatewayConfig } from '@klynge/gateway/config';
import type { VariableSpec } from '@klynge/platform';
import { subgraphRegistry, type SubgraphEntry } from '@klynge/schemas';
import { servicePrincipal } from '@klynge/subgraph-registry';
import { loadSubgraphs } from '@klynge/subgraph-registry';
import { parse, parseAllDocuments, stringify } from 'yaml';

/**
 * infra/k8s: the base is written from the subgraph registry (npm run subgraphs:sync; a test in
 * @klynge/subgraph-generator fails when it is stale), the overlays are kept by hand. Each overlay
 * is rendered as `kubectl apply -k` would render it, and what comes out is checked: against the
 * OpenAPI schemas of Kubernetes 1.36 (kubernetes-models 5.1.0 is built from v1.36.0's), and
 * against what the registry and each process's own configuration say.
 */

const repoRoot = path.join(__dirname, '..', '..');
const OVERLAYS = ['development', 'production'];

/**
 * Every kind the manifests use, at an API version Kubernetes 1.36 serves: the validator's models
 * also accept versions the API server no longer serves (policy/v1beta1, ...), so this says which.
 */
const SERVED = [
  'v1 ConfigMap',
  'v1 Service',
  'apps/v1 Deployment',
  'batch/v1 Job',
  'policy/v1 PodDisruptionBudget',
  'autoscaling/v2 HorizontalPodAutoscaler',
  'networking.k8s.io/v1 NetworkPolicy',
];

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string };
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
  };
}
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: { name: string; containerPort: number }[];
  env?: EnvVar[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  startupProbe?: Probe;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  securityContext?: Record<string, unknown>;
  volumeMounts?: { name: string; mountPath: string; subPath?: string; readOnly?: boolean }[];
}
interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  automountServiceAccountToken?: boolean;
  containers: Container[];
  volumes?: { name: string; configMap?: { name: string }; emptyDir?: object }[];
}
type Labels = Record<string, string>;
interface PolicyPeer {
  podSelector?: { matchLabels?: Labels };
  namespaceSelector?: { matchLabels?: Labels };
}
interface PolicyRule {
  from?: PolicyPeer[];
  to?: PolicyPeer[];
  ports?: { protocol: string; port: number }[];
}
interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Labels };
  data?: Record<string, string>;
  spec?: {
    replicas?: number;
    selector?: { matchLabels: Labels };
    template?: { metadata?: { labels?: Labels }; spec: PodSpec };
    podSelector?: { matchLabels: Labels };
    policyTypes?: string[];
    ingress?: PolicyRule[];
    egress?: PolicyRule[];
    scaleTargetRef?: { kind: string; name: string };
    minReplicas?: number;
    ports?: { name: string; port: number; targetPort: string }[];
  };
}

/** `kubectl kustomize` of an overlay (of infra/k8s, or of a copy of it): the objects `kubectl apply -k` would send. */
function render(overlay: string, k8s = path.join(repoRoot, 'infra', 'k8s')): KubernetesObject[] {
  let output: string;
  try {
    output = execFileSync('kubectl', ['kustomize', path.join(k8s, 'overlays', overlay)], {
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
  } catch (error) {
    // A machine without kubectl fails here, on purpose: CI installs it (.ci/run).
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('kubectl is not installed (Debian: apt-get install kubectl)', { cause: error });
    }
    throw error;
  }
  return parseAllDocuments(output).map((document) => document.toJS() as KubernetesObject);
}

/** The problems infra/src/validate-kubernetes.cjs finds, against the Kubernetes 1.36 schemas. */
function schemaProblems(objects: KubernetesObject[]): string[] {
  const output = execFileSync(process.execPath, [path.join(__dirname, 'validate-kubernetes.cjs')], {
    input: JSON.stringify(objects),
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  return JSON.parse(output) as string[];
}

interface AnyConfig {
  readonly variables: Record<string, VariableSpec<unknown>>;
  load(source: Record<string, string>): unknown;
}
const subgraphConfigs = new Map<string, AnyConfig>(loadSubgraphs().map((subgraph) => [subgraph.name, subgraph.config]));
const required = (config: AnyConfig) =>
  Object.entries(config.variables)
    .filter(([, spec]) => spec.default === undefined && !spec.optional)
    .map(([name]) => name);

const SECRET_VARIABLES = [
  'DATABASE_URL',
  'KAFKA_PASSWORD',
  'JWT_SECRET',
  'JWT_SECRET_PREVIOUS',
  'SUBGRAPH_SECRET',
  'SUBGRAPH_SECRET_PREVIOUS',
  ...subgraphRegistry().map((e) => e.secretVariable),
];
const selectorOf = (name: string, component: string) => ({ 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': component });
const DNS = {
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
const databaseOf = (entry: SubgraphEntry) => ({
  to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'klynge.no/database': entry.database } } }],
  ports: [{ protocol: 'TCP', port: 5432 }],
});
const KAFKA = {
  to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'klynge.no/kafka': 'broker' } } }],
  ports: [{ protocol: 'TCP', port: 9092 }],
};

describe.each(OVERLAYS)('the Kubernetes manifests, %s overlay', (overlay) => {
  const objects = render(overlay);
  const find = (kind: string, name: string) => {
    const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
    if (!found) throw new Error(`no ${kind} ${name} in the ${overlay} overlay`);
    return found;
  };
  const of = (kind: string) => objects.filter((object) => object.kind === kind);
  const jobOf = (entry: SubgraphEntry) => of('Job').find((job) => job.metadata.name.startsWith(`${entry.name}-migrate.`));
  const podSpecs = [...of('Deployment'), ...of('Job')].map((object) => ({ object, spec: object.spec!.template!.spec }));
  const containerOf = (object: KubernetesObject) => object.spec!.template!.spec.containers[0]!;
  const portOf = (object: KubernetesObject) => containerOf(object).ports!.find((port) => port.name === 'http')!.containerPort;

  /** A container's environment as its process gets it: the image's NODE_ENV, ConfigMaps as rendered, Secrets made up. */
  const environmentOf = (container: Container): Record<string, string> => {
    const environment: Record<string, string> = { NODE_ENV: 'production' };
    for (const variable of container.env ?? []) {
      const { configMapKeyRef, secretKeyRef } = variable.valueFrom ?? {};
      if (secretKeyRef) environment[variable.name] = secretValue(secretKeyRef.key);
      else if (configMapKeyRef) {
        const value = find('ConfigMap', configMapKeyRef.name).data?.[configMapKeyRef.key];
        if (value === undefined && !configMapKeyRef.optional) throw new Error(`${configMapKeyRef.name} has no ${configMapKeyRef.key}`);
        if (value !== undefined) environment[variable.name] = value;
      } else environment[variable.name] = variable.value!;
    }
    return environment;
  };
  const secretValue = (key: string) =>
    key === 'DATABASE_URL' ? 'postgresql://klynge@db.example.no:5432/klynge' : `${key}-`.padEnd(64, 's');

  it('renders only kinds Kubernetes 1.36 serves, each object valid against its OpenAPI schema', () => {
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) expect(SERVED).toContain(`${object.apiVersion} ${object.kind}`);
    expect(schemaProblems(objects)).toEqual([]);
  });

  it('shows the schema check catching an object that is not valid', () => {
    const broken = structuredClone(find('Deployment', 'gateway'));
    (broken.spec as Record<string, unknown>).replicas = 'two';
    expect(schemaProblems([broken])).toEqual(['Deployment/gateway: data/spec/replicas must be integer']);
  });

  it("has every subgraph of the registry: a Deployment, a Service, a PodDisruptionBudget, NetworkPolicies and the release's migration Job", () => {
    for (const entry of subgraphRegistry()) {
      expect(find('Deployment', entry.name).spec!.selector!.matchLabels).toEqual(selectorOf(entry.name, 'subgraph'));
      expect(find('Service', entry.name).spec!.ports).toEqual([{ name: 'http', port: entry.port, targetPort: 'http', protocol: 'TCP' }]);
      expect(find('PodDisruptionBudget', entry.name).spec!.selector!.matchLabels).toEqual(selectorOf(entry.name, 'subgraph'));
      for (const policy of [entry.name, `${entry.name}-migrate`, `${entry.name}-database`]) find('NetworkPolicy', policy);
      expect(jobOf(entry)).toBeDefined();
    }
    expect(
      of('Deployment')
        .map((deployment) => deployment.metadata.name)
        .sort(),
    ).toEqual([...subgraphRegistry().map((entry) => entry.name), 'gateway'].sort());
  });

  it('has the gateway: a Deployment, a Service, a PodDisruptionBudget and a HorizontalPodAutoscaler that scales it', () => {
    find('Deployment', 'gateway');
    expect(find('Service', 'gateway').spec!.ports!.map((port) => port.port)).toEqual([4000, 9464]);
    find('PodDisruptionBudget', 'gateway');
    expect(find('HorizontalPodAutoscaler', 'gateway').spec!.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'gateway' });
  });

  it('gives each subgraph and the gateway exactly the variables it reads, valid as production checks them', () => {
    const configs: [string, AnyConfig][] = [...subgraphConfigs.entries(), ['gateway', gatewayConfig]];
    for (const [name, config] of configs) {
      const environment = environmentOf(containerOf(find('Deployment', name)));
      expect({ name, unknown: Object.keys(environment).filter((variable) => !(variable in config.variables)) }).toEqual({
        name,
        unknown: [],
      });
      expect({ name, missing: required(config).filter((variable) => !(variable in environment)) }).toEqual({ name, missing: [] });
      expect(() => config.load(environment)).not.toThrow();
    }
  });

  it('names Secrets and never holds one: no Secret object, every secret variable from a secretKeyRef', () => {
    expect(of('Secret')).toEqual([]);
    for (const { object, spec } of podSpecs) {
      for (const variable of spec.containers.flatMap((container) => container.env ?? [])) {
        if (SECRET_VARIABLES.includes(variable.name)) {
          expect({ object: object.metadata.name, variable: variable.name, from: variable.valueFrom?.secretKeyRef !== undefined }).toEqual({
            object: object.metadata.name,
            variable: variable.name,
            from: true,
          });
        }
      }
    }
  });

  it('reaches each subgraph where the gateway is told it is, with the secret the subgraph expects', () => {
    const gateway = environmentOf(containerOf(find('Deployment', 'gateway')));
    const gatewayEnv = containerOf(find('Deployment', 'gateway')).env!;
    for (const entry of subgraphRegistry()) {
      const service = find('Service', entry.name);
      expect(gateway[entry.urlVariable]).toBe(`http://${service.metadata.name}:${service.spec!.ports![0]!.port}/graphql`);
      expect(portOf(find('Deployment', entry.name))).toBe(entry.port);
      const subgraphSecret = containerOf(find('Deployment', entry.name)).env!.find((variable) => variable.name === 'SUBGRAPH_SECRET');
      expect(gatewayEnv.find((variable) => variable.name === entry.secretVariable)?.valueFrom).toEqual(subgraphSecret?.valueFrom);
      expect(environmentOf(containerOf(find('Deployment', entry.name))).KAFKA_USERNAME).toBe(servicePrincipal(entry.name));
    }
  });

  it('is ready at /ready and live at /health, on the port each process listens on, with requests and limits', () => {
    for (const deployment of of('Deployment')) {
      const container = containerOf(deployment);
      expect(container.ports!.find((port) => port.name === 'http')!.containerPort).toBe(Number(environmentOf(container).PORT));
      expect(container.readinessProbe?.httpGet).toEqual({ path: '/ready', port: 'http' });
      expect(container.livenessProbe?.httpGet).toEqual({ path: '/health', port: 'http' });
      expect(container.startupProbe?.httpGet).toEqual({ path: '/health', port: 'http' });
    }
    for (const { spec } of podSpecs) {
      for (const container of spec.containers) {
        expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
        expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
      }
    }
  });

  it('runs every container as the image user (1000, not root), on a read-only root filesystem, without privileges or an API token', () => {
    for (const { object, spec } of podSpecs) {
      expect({ object: object.metadata.name, ...spec.securityContext }).toMatchObject({
        object: object.metadata.name,
        runAsNonRoot: true,
        runAsUser: 1000,
      });
      expect(spec.automountServiceAccountToken).toBe(false);
      for (const container of spec.containers) {
        expect(container.securityContext).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
      }
    }
  });

  it('gives the gateway schemas/supergraph.graphql as a ConfigMap mounted as a folder, whose file it watches', () => {
    const supergraph = find('ConfigMap', 'klynge-supergraph');
    expect(supergraph.data!['supergraph.graphql']).toBe(readFileSync(path.join(repoRoot, 'schemas', 'supergraph.graphql'), 'utf8'));
    const gateway = find('Deployment', 'gateway').spec!.template!.spec;
    const volume = gateway.volumes!.find((candidate) => candidate.configMap?.name === 'klynge-supergraph')!;
    const mount = containerOf(find('Deployment', 'gateway')).volumeMounts!.find((candidate) => candidate.name === volume.name)!;
    // A subPath mount would keep the file it started with for ever.
    expect(mount.subPath).toBeUndefined();
    expect(environmentOf(containerOf(find('Deployment', 'gateway'))).SUPERGRAPH_SOURCE).toBe(`file:${mount.mountPath}/supergraph.graphql`);
  });

  it("migrates once per release: a Job named after the release's image tag, running the subgraph's migrate command", () => {
    for (const entry of subgraphRegistry()) {
      const job = jobOf(entry)!;
      const container = containerOf(job);
      const tag = container.image.split(':').at(-1)!;
      expect(job.metadata.name).toBe(`${entry.name}-migrate.${tag}`);
      expect(job.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$/);
      expect(container.image).toBe(containerOf(find('Deployment', entry.name)).image);
      // The runner the service's start script runs (klynge-subgraph .), from the image's root.
      const start = (
        JSON.parse(readFileSync(path.join(repoRoot, entry.directory, 'package.json'), 'utf8')) as { scripts: { start: string } }
      ).scripts.start;
      expect(start).toBe('klynge-subgraph .');
      expect(container.command).toEqual(['/repo/node_modules/.bin/klynge-subgraph', `/repo/${entry.directory}`, 'migrate']);
      expect(Object.keys(environmentOf(container)).filter((variable) => !(variable in subgraphConfigs.get(entry.name)!.variables))).toEqual(
        [],
      );
      expect(environmentOf(container).DATABASE_URL).toBeDefined();
    }
  });

  // A name with more hyphens than any registered one (npm run subgraph:new's test registers demo-partner).
  it("names a migration Job after the release whatever the subgraph's name: name-with-hyphens-migrate.<tag>", () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'klynge-k8s-'));
    try {
      cpSync(path.join(repoRoot, 'infra', 'k8s'), copy, { recursive: true });
      const [first] = subgraphRegistry();
      const job = parseAllDocuments(readFileSync(path.join(copy, 'base', 'subgraphs', `${first!.name}.yaml`), 'utf8'))
        .map((document) => document.toJS() as KubernetesObject)
        .find((object) => object.kind === 'Job')!;
      writeFileSync(
        path.join(copy, 'base', 'name-with-hyphens.yaml'),
        stringify({ ...job, metadata: { ...job.metadata, name: 'name-with-hyphens-migrate' } }),
      );
      const kustomization = parse(readFileSync(path.join(copy, 'base', 'kustomization.yaml'), 'utf8')) as { resources: string[] };
      kustomization.resources.push('name-with-hyphens.yaml');
      writeFileSync(path.join(copy, 'base', 'kustomization.yaml'), stringify(kustomization));
      const tag = containerOf(jobOf(first!)!).image.split(':').at(-1)!;
      expect(
        render(overlay, copy)
          .filter((object) => object.kind === 'Job')
          .map((object) => object.metadata.name),
      ).toContain(`name-with-hyphens-migrate.${tag}`);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  describe('NetworkPolicies, as the registry says', () => {
    it.each(subgraphRegistry().map((entry) => [entry.name, entry] as const))(
      'the %s subgraph takes requests from the gateway only, and reaches DNS, its own database and Kafka only',
      (_name, entry) => {
        const policy = find('NetworkPolicy', entry.name).spec!;
        expect(policy.podSelector!.matchLabels).toEqual(selectorOf(entry.name, 'subgraph'));
        expect(policy.policyTypes).toEqual(['Ingress', 'Egress']);
        expect(policy.ingress).toEqual([
          { from: [{ podSelector: { matchLabels: selectorOf('gateway', 'gateway') } }], ports: [{ protocol: 'TCP', port: entry.port }] },
        ]);
        expect(policy.egress).toEqual([DNS, databaseOf(entry), KAFKA]);
      },
    );

    it.each(subgraphRegistry().map((entry) => [entry.database, entry.name, entry] as const))(
      "the %s database takes connections from the %s service's pods only (besides its own replicas and its operator)",
      (_database, _name, entry) => {
        const policy = find('NetworkPolicy', `${entry.name}-database`).spec!;
        expect(policy.podSelector!.matchLabels).toEqual({ 'klynge.no/database': entry.database });
        expect(policy.policyTypes).toEqual(['Ingress']);
        expect(policy.ingress).toEqual([
          { from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': entry.name } } }], ports: [{ protocol: 'TCP', port: 5432 }] },
          { from: [{ podSelector: { matchLabels: { 'klynge.no/database': entry.database } } }] },
          { from: [{ namespaceSelector: { matchLabels: { 'klynge.no/database-operator': 'true' } } }] },
        ]);
        // Only the subgraph and its migration Job carry its name.
        const named = podSpecs.filter(({ object }) => object.spec!.template!.metadata?.labels?.['app.kubernetes.io/name'] === entry.name);
        expect(named.map(({ object }) => object.kind).sort()).toEqual(['Deployment', 'Job']);
        const migration = find('NetworkPolicy', `${entry.name}-migrate`).spec!;
        expect(migration.podSelector!.matchLabels).toEqual(selectorOf(entry.name, 'migration'));
        expect({ ingress: migration.ingress, egress: migration.egress }).toEqual({ ingress: [], egress: [DNS, databaseOf(entry)] });
      },
    );

    it('the gateway reaches DNS, each subgraph of the registry on its port and Kafka (its response cache reads the events), nothing else', () => {
      const policy = find('NetworkPolicy', 'gateway').spec!;
      expect(policy.podSelector!.matchLabels).toEqual(selectorOf('gateway', 'gateway'));
      expect(policy.egress).toEqual([
        DNS,
        ...subgraphRegistry().map((entry) => ({
          to: [{ podSelector: { matchLabels: selectorOf(entry.name, 'subgraph') } }],
          ports: [{ protocol: 'TCP', port: entry.port }],
        })),
        KAFKA,
      ]);
      expect(policy.ingress).toEqual([
        { ports: [{ protocol: 'TCP', port: 4000 }] },
        { from: [{ namespaceSelector: { matchLabels: { 'klynge.no/monitoring': 'true' } } }], ports: [{ protocol: 'TCP', port: 9464 }] },
      ]);
    });

    it('gives every pod a policy that selects it', () => {
      for (const { object } of podSpecs) {
        const labels = object.spec!.template!.metadata!.labels!;
        const selecting = of('NetworkPolicy').filter((policy) =>
          Object.entries(policy.spec!.podSelector!.matchLabels).every(([key, value]) => labels[key] === value),
        );
        expect({ pod: object.metadata.name, policies: selecting.length }).toEqual({ pod: object.metadata.name, policies: 1 });
      }
    });
  });
});
