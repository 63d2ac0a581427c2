import { count, date, money, share, words } from '../format';
import {
  ClusterCatapultDocument,
  ClusterFundingDocument,
  ClusterProfileDocument,
  ClusterProgrammesDocument,
  ClusterResearchDocument,
} from '../gql/graphql';
import { Chart } from '../panels/Chart';
import { Figures } from '../panels/Figures';
import { Panel } from '../panels/Panel';
import { Table } from '../panels/Table';
import { levelTimeline } from '../panels/timeline';

const NO_SUCH_CLUSTER = <p className="status">No cluster has this address.</p>;

/** A download of the cluster's grants as a 360Giving data package (its JSON, made from what the graph answered). */
function Giving360Link({ slug, grants }: { readonly slug: string; readonly grants: readonly Record<string, unknown>[] }) {
  const file = JSON.stringify({ grants }, null, 2);
  return (
    <a className="download" download={`${slug}-360giving.json`} href={`data:application/json;charset=utf-8,${encodeURIComponent(file)}`}>
      Its grants as 360Giving JSON
    </a>
  );
}

/** /dashboard/clusters/<slug>: one cluster's portfolio, each part from the subgraph that owns it. */
export function ClusterPage({ slug }: { readonly slug: string }) {
  const variables = { slug };
  return (
    <>
      <div className="panels wide">
        <Panel title="The cluster" operation={ClusterProfileDocument} variables={variables}>
          {({ cluster }) =>
            cluster ? (
              <>
                <h1>{cluster.name}</h1>
                <Figures
                  rows={[
                    ['Level today', cluster.levelLabel ?? 'not known'],
                    ['County', cluster.county.name],
                    ['Town', cluster.town ?? 'not known'],
                    ['Sectors', cluster.sectors.join(', ') || 'not known'],
                    ['Founded', cluster.foundedYear === null ? 'not known' : String(cluster.foundedYear)],
                    ['Members', count(cluster.memberStats.memberCount)],
                    [
                      'Of them small or medium-sized (SME)',
                      `${count(cluster.memberStats.smeCount)} of ${count(cluster.memberStats.sizeKnownCount)} whose size is known`,
                    ],
                    ['SME share', share(cluster.memberStats.smeShare)],
                  ]}
                />
                {cluster.description && <p>{cluster.description}</p>}
                <h3>Level history</h3>
                <Chart short label={`Level history of ${cluster.name}`} option={levelTimeline(cluster.levelHistory)} />
                <Table
                  className="level-history"
                  columns={['Level', 'From', 'To', 'Why']}
                  rows={cluster.levelHistory.map((period) => [
                    `${period.level}-${period.from}`,
                    [period.levelLabel, date(period.from, period.fromPrecision), period.to ? date(period.to) : 'now', period.reason],
                  ])}
                />
                <h3>Members ({count(cluster.members.totalCount)})</h3>
                <Table
                  className="members"
                  columns={['Organisation', 'Role', 'Size', 'Joined']}
                  rows={cluster.members.edges.map(({ node: member }) => [
                    member.organization.orgNumber,
                    [
                      member.organization.name,
                      words(member.role),
                      member.organization.sizeClass ? words(member.organization.sizeClass) : 'not known',
                      date(member.joinedOn),
                    ],
                  ])}
                />
              </>
            ) : (
              NO_SUCH_CLUSTER
            )
          }
        </Panel>
      </div>
      <div className="panels">
        <Panel title="Grants and payments" operation={ClusterFundingDocument} variables={variables}>
          {({ cluster }) =>
            cluster?.grants ? (
              <>
                <Figures rows={[['Granted in all', cluster.fundingTotal ? money(cluster.fundingTotal) : 'not known']]} />
                <Table
                  className="grants"
                  columns={['Awarded', 'Programme', 'Granted', 'Paid']}
                  rows={cluster.grants.map((grant) => [
                    grant.id,
                    [
                      date(grant.awardDate, grant.awardDatePrecision),
                      grant.programme.name,
                      money(grant.amountAwarded),
                      money(grant.amountPaid),
                    ],
                  ])}
                />
                <Giving360Link slug={cluster.slug} grants={cluster.grants.map((grant) => grant.giving360)} />
              </>
            ) : (
              NO_SUCH_CLUSTER
            )
          }
        </Panel>
        <Panel title="Competence programmes it hosts" operation={ClusterProgrammesDocument} variables={variables}>
          {({ cluster }) =>
            cluster?.hostedProgrammes ? (
              cluster.hostedProgrammes.length === 0 ? (
                <p>None recorded.</p>
              ) : (
                <Table
                  className="programmes"
                  columns={['Programme', 'Since', 'Status', 'Companies reached']}
                  rows={cluster.hostedProgrammes.map((programme) => [
                    programme.id,
                    [
                      programme.name,
                      date(programme.periodStart, programme.periodStartPrecision),
                      words(programme.status),
                      `${count(programme.reach.companiesReached)}${programme.reach.targetCompanies === null ? '' : ` of ${count(programme.reach.targetCompanies)}`}`,
                    ],
                  ])}
                />
              )
            ) : (
              NO_SUCH_CLUSTER
            )
          }
        </Panel>
        <Panel title="Norsk katapult" operation={ClusterCatapultDocument} variables={variables}>
          {({ cluster }) =>
            cluster ? (
              <Figures
                rows={[
                  ...(cluster.catapultCentres ?? []).map((centre): [string, string] => [
                    centre.name,
                    `${words(centre.theme)} centre, ${words(centre.status).toLowerCase()}`,
                  ]),
                  ...(cluster.catapultNodes ?? []).map((node): [string, string] => [node.name, 'regional node it hosts']),
                  ...((cluster.catapultCentres ?? []).length + (cluster.catapultNodes ?? []).length === 0
                    ? [['Centres and nodes', 'none recorded'] as [string, string]]
                    : []),
                ]}
              />
            ) : (
              NO_SUCH_CLUSTER
            )
          }
        </Panel>
        <Panel title="Research projects of its members" operation={ClusterResearchDocument} variables={variables}>
          {({ cluster }) =>
            cluster ? (
              <>
                <Figures
                  rows={[
                    [
                      'Members with a project',
                      cluster.researchReach
                        ? `${count(cluster.researchReach.membersWithProject)} of ${count(cluster.researchReach.members)}`
                        : 'not known',
                    ],
                    ['Share', share(cluster.researchReach?.share ?? null)],
                  ]}
                />
                <table className="research">
                  <tbody>
                    {(cluster.researchProjects ?? []).map((project) => (
                      <tr key={project.id}>
                        <th scope="row">
                          {project.projectNumber} {project.title}
                        </th>
                        <td>
                          {project.startYear}–{project.endYear}
                        </td>
                        <td>{money(project.total)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : (
              NO_SUCH_CLUSTER
            )
          }
        </Panel>
      </div>
    </>
  );
}
