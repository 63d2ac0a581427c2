import { subgraphRegistry, type SubgraphEntry } from '@klynge/schemas';
import { derivedFiles, staleDerivedFiles } from './derived-files';

describe('the files derived from the subgraph registry', () => {
  it('say what the registry says (run `npm run subgraphs:sync` after changing it)', () => {
    expect(staleDerivedFiles()).toEqual([]);
  });

  it('are stale when a subgraph joins the registry, its Kubernetes manifests among them, until they are written', () => {
    const registry = subgraphRegistry();
    const joining: SubgraphEntry = {
      ...registry[0]!,
      name: 'harbour',
      owner: 'siva',
      package: '@klynge/harbour',
      directory: 'services/harbour',
      port: 4099,
      urlVariable: 'HARBOUR_URL',
      secretVariable: 'HARBOUR_SECRET',
      database: 'harbour',
      publishes: ['harbour'],
    };
    const stale = staleDerivedFiles(undefined, [...registry, joining]);
    expect(stale).toEqual(
      expect.arrayContaining([
        'docker-compose.yml',
        'infra/k8s/base/kustomization.yaml',
        'infra/k8s/base/gateway.yaml',
        'infra/k8s/base/subgraphs/harbour.yaml',
      ]),
    );
    const manifests = derivedFiles(undefined, [...registry, joining]).find(
      (file) => file.path === 'infra/k8s/base/subgraphs/harbour.yaml',
    )!;
    for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget', 'NetworkPolicy', 'Job'])
      expect(manifests.content).toContain(`kind: ${kind}\n`);
  });
});
