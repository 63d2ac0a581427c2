import applicationFunnel from '../operations/ApplicationFunnel.graphql?raw';
import clustersByLevel from '../operations/ClustersByLevel.graphql?raw';
import supportByYear from '../operations/SupportByYear.graphql?raw';
import { approximately, count, levelName, money, share } from '../format';
import { Chart } from '../panels/Chart';
import { Panel } from '../panels/Panel';
import type { ApplicationFunnel, ClustersByLevel, SupportByYear } from '../operations/types';

/** Bars per category, one colour per series; axis figures as Norwegian readers write them. */
const bars = (categories: readonly string[], series: readonly { name: string; data: readonly number[] }[]) => ({
  // Drawn at once: a figure is read, not watched (and a screenshot shows it whole).
  animation: false,
  tooltip: { trigger: 'axis', valueFormatter: (value: number) => count(value) },
  legend: { show: series.length > 1, top: 0 },
  grid: { left: 8, right: 8, top: series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
  xAxis: { type: 'category', data: categories },
  yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => count(value) } },
  series: series.map((entry) => ({ type: 'bar', ...entry })),
});

/** A panel's exact figures, one `[label, formatted value]` a row, beside its chart. */
function Figures({ rows }: { readonly rows: readonly (readonly [string, string])[] }) {
  return (
    <table>
      <tbody>
        {rows.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** /dashboard/: the programme at a glance. */
export function Overview() {
  return (
    <>
      <h1>The cluster programme at a glance</h1>
      <div className="panels">
        <Panel<SupportByYear> title="Support granted and paid per year, as recorded" operation={supportByYear}>
          {({ fundingBreakdown: years }) => (
            <>
              <Chart
                label="Support granted and paid per year, in NOK"
                option={bars(
                  years.map((year) => year.label),
                  [
                    { name: 'Granted', data: years.map((year) => approximately(year.granted)) },
                    { name: 'Paid', data: years.map((year) => approximately(year.paid)) },
                  ],
                )}
              />
              <table>
                <thead>
                  <tr>
                    <th scope="col">Year</th>
                    <th scope="col">Grants</th>
                    <th scope="col">Granted</th>
                    <th scope="col">Paid</th>
                  </tr>
                </thead>
                <tbody>
                  {years.map((year) => (
                    <tr key={year.key}>
                      <th scope="row">{year.label}</th>
                      <td>{count(year.grants)}</td>
                      <td>{money(year.granted)}</td>
                      <td>{money(year.paid)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </Panel>
        <Panel<ApplicationFunnel> title="Applications recorded" operation={applicationFunnel}>
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
        <Panel<ClustersByLevel> title="Clusters by level today" operation={clustersByLevel}>
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
    </>
  );
}
