import { Link } from 'wouter';
import { count, levelName, money, share } from '../format';
import { ApplicationFunnelDocument, ClusterListDocument, ClustersByLevelDocument, SupportByYearDocument } from '../gql/graphql';
import { Chart } from '../panels/Chart';
import { Figures } from '../panels/Figures';
import { bars } from '../panels/options';
import { Panel } from '../panels/Panel';
import { Support } from '../panels/Support';
import { Table } from '../panels/Table';

/** /dashboard/: the programme at a glance. */
export function Overview() {
  return (
    <>
      <h1>The cluster programme at a glance</h1>
      <div className="panels">
        <Panel title="Support granted and paid per year, as recorded" operation={SupportByYearDocument}>
          {({ fundingBreakdown: years }) => <Support rows={years} per="Year" />}
        </Panel>
        <Panel title="Applications recorded" operation={ApplicationFunnelDocument}>
          {({ applicationFunnel: funnel }) => (
            <>
              <Chart
                label="Applications made, granted and rejected"
                option={bars(
                  ['Applied', 'Granted', 'Rejected'],
                  [{ name: 'Applications', data: [funnel.applied, funnel.granted, funnel.rejected] }],
                )}
              />
              <Figures
                rows={[
                  ['Applied', count(funnel.applied)],
                  ['Granted', count(funnel.granted)],
                  ['Rejected', count(funnel.rejected)],
                  ['Success rate', share(funnel.successRate)],
                  ['Requested', money(funnel.requested)],
                  ['Awarded', money(funnel.awarded)],
                ]}
              />
            </>
          )}
        </Panel>
        <Panel title="Clusters by level today" operation={ClustersByLevelDocument}>
          {({ clusterCounts }) => (
            <>
              <Chart
                label="Clusters by level today"
                option={bars(
                  clusterCounts.byLevel.map((entry) => levelName(entry.level)),
                  [{ name: 'Clusters', data: clusterCounts.byLevel.map((entry) => entry.clusters) }],
                )}
              />
              <Figures
                rows={[
                  ...clusterCounts.byLevel.map((entry): [string, string] => [levelName(entry.level), count(entry.clusters)]),
                  ['Level not known today', count(clusterCounts.levelUnknown)],
                  ['All clusters', count(clusterCounts.total)],
                ]}
              />
            </>
          )}
        </Panel>
      </div>
      <div className="panels wide">
        <Panel title="The clusters" operation={ClusterListDocument}>
          {({ clusters }) => (
            <Table
              columns={['Cluster', 'Level today', 'County', 'Members']}
              rows={clusters.edges.map(({ node: cluster }) => [
                cluster.slug,
                [
                  <Link href={`/clusters/${cluster.slug}`}>{cluster.name}</Link>,
                  cluster.level ? levelName(cluster.level) : 'not known',
                  cluster.county.name,
                  count(cluster.memberStats.memberCount),
                ],
              ])}
            />
          )}
        </Panel>
      </div>
    </>
  );
}
