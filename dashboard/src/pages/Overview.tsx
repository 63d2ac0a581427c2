import { Link } from 'wouter';
import { count, money, share } from '../format';
import {
  ApplicationFunnelDocument,
  ClusterListDocument,
  ClustersByLevelDocument,
  FunnelByYearDocument,
  LevelsOverTimeDocument,
  SupportByYearDocument,
  SupportSeriesDocument,
} from '../gql/graphql';
import { Chart } from '../panels/Chart';
import { Figures } from '../panels/Figures';
import { bars } from '../panels/options';
import { Panel } from '../panels/Panel';
import { SupportStacked } from '../panels/Series';
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
                  clusterCounts.byLevel.map((entry) => entry.levelLabel),
                  [{ name: 'Clusters', data: clusterCounts.byLevel.map((entry) => entry.clusters) }],
                )}
              />
              <Figures
                rows={[
                  ...clusterCounts.byLevel.map((entry): [string, string] => [entry.levelLabel, count(entry.clusters)]),
                  ['Level not known today', count(clusterCounts.levelUnknown)],
                  ['All clusters', count(clusterCounts.total)],
                ]}
              />
            </>
          )}
        </Panel>
      </div>
      <div className="panels">
        <Panel title="Support granted per year, by agency" operation={SupportSeriesDocument} variables={{ by: 'AGENCY' }}>
          {({ fundingSeries }) => <SupportStacked rows={fundingSeries} per="Agency" />}
        </Panel>
        <Panel title="Support granted per year, by programme" operation={SupportSeriesDocument} variables={{ by: 'PROGRAMME' }}>
          {({ fundingSeries }) => <SupportStacked rows={fundingSeries} per="Programme" />}
        </Panel>
        <Panel title="Applications per year submitted" operation={FunnelByYearDocument}>
          {({ applicationFunnelByYear: years }) => (
            <>
              <Chart
                label="Applications submitted, granted and rejected per year"
                option={bars(
                  years.map((year) => String(year.year)),
                  [
                    { name: 'Applied', data: years.map((year) => year.applied) },
                    { name: 'Granted', data: years.map((year) => year.granted) },
                    { name: 'Rejected', data: years.map((year) => year.rejected) },
                  ],
                )}
              />
              <Table
                columns={['Year', 'Applied', 'Granted', 'Rejected', 'Success rate']}
                rows={years.map((year) => [
                  String(year.year),
                  [String(year.year), count(year.applied), count(year.granted), count(year.rejected), share(year.successRate)],
                ])}
              />
            </>
          )}
        </Panel>
        <Panel title="Clusters per level over time" operation={LevelsOverTimeDocument}>
          {({ clusterLevelsByYear: points }) => {
            const years = [...new Set(points.map((point) => point.year))];
            const levels = [...new Map(points.map((point) => [point.level, point.levelLabel])).entries()];
            const at = (year: number, level: string) => points.find((point) => point.year === year && point.level === level)!.clusters;
            return (
              <>
                <Chart
                  label="Clusters holding each level at the end of each year"
                  option={bars(
                    years.map(String),
                    levels.map(([level, label]) => ({ name: label, data: years.map((year) => at(year, level)) })),
                    { kind: 'line' },
                  )}
                />
                <Table
                  columns={['Year', ...levels.map(([, label]) => label)]}
                  rows={years.map((year) => [String(year), [String(year), ...levels.map(([level]) => count(at(year, level)))]])}
                />
              </>
            );
          }}
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
                  cluster.levelLabel ?? 'not known',
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
