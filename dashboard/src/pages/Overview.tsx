import { useId } from 'react';
import {
  ApplicationFunnelDocument,
  ClusterListDocument,
  ClustersByLevelDocument,
  FunnelByYearDocument,
  LevelsOverTimeDocument,
  ReportedFiguresDocument,
  SupportByYearDocument,
  SupportByAgencyAllDocument,
  SupportSeriesDocument,
} from '../gql/graphql';
import { LocalLink, useFormats, usePageTitle } from '../i18n/Language';
import { Chart } from '../panels/Chart';
import { Figures } from '../panels/Figures';
import { bars } from '../panels/options';
import { AgencySupport } from '../panels/AgencySupport';
import { Panel } from '../panels/Panel';
import { SupportStacked } from '../panels/Series';
import { Support } from '../panels/Support';
import { Table } from '../panels/Table';

/** /dashboard/: the programme at a glance. */
export function Overview() {
  const formats = useFormats();
  const { t, count, money, share } = formats;
  usePageTitle('overview.title');
  const ids = { funnel: useId(), levels: useId(), funnelByYear: useId(), levelsOverTime: useId() };
  return (
    <>
      <h1>{t('overview.heading')}</h1>
      <div className="panels">
        <Panel title={t('overview.supportByYear')} operation={SupportByYearDocument}>
          {({ fundingBreakdown: years }) => <Support rows={years} per="year" title={t('overview.supportByYear')} />}
        </Panel>
        <Panel title={t('overview.applications')} operation={ApplicationFunnelDocument}>
          {({ applicationFunnel: funnel }) => (
            <>
              {!funnel.recorded && <p>{t('funnel.notRecorded')}</p>}
              <Chart
                label={t('overview.applicationsChart')}
                table={ids.funnel}
                option={bars(
                  formats,
                  [t('funnel.applied'), t('funnel.granted'), t('funnel.rejected')],
                  [{ name: t('overview.applications'), data: [funnel.applied, funnel.granted, funnel.rejected] }],
                  { unit: 'applications' },
                )}
              />
              <Figures
                id={ids.funnel}
                caption={t('panel.figuresOf', { title: t('overview.applications') })}
                rows={[
                  [t('funnel.applied'), count(funnel.applied)],
                  [t('funnel.granted'), count(funnel.granted)],
                  [t('funnel.rejected'), count(funnel.rejected)],
                  [t('funnel.successRate'), share(funnel.successRate)],
                  [t('funnel.requested'), money(funnel.requested)],
                  [t('funnel.awarded'), money(funnel.awarded)],
                ]}
              />
            </>
          )}
        </Panel>
        <Panel title={t('overview.clustersByLevel')} operation={ClustersByLevelDocument}>
          {({ clusterCounts }) => (
            <>
              <Chart
                label={t('overview.clustersByLevel')}
                table={ids.levels}
                // The clusters whose level today no record or source covers are a bar of their own: a count, not a gap.
                option={bars(
                  formats,
                  [...clusterCounts.byLevel.map((entry) => entry.levelLabel), t('levels.unknownToday')],
                  [
                    {
                      name: t('levels.clusters'),
                      data: [...clusterCounts.byLevel.map((entry) => entry.clusters), clusterCounts.levelUnknown],
                    },
                  ],
                  { unit: 'clusters' },
                )}
              />
              <Figures
                id={ids.levels}
                caption={t('panel.figuresOf', { title: t('overview.clustersByLevel') })}
                rows={[
                  ...clusterCounts.byLevel.map((entry): [string, string] => [entry.levelLabel, count(entry.clusters)]),
                  [t('levels.unknownToday'), count(clusterCounts.levelUnknown)],
                  [t('levels.all'), count(clusterCounts.total)],
                ]}
              />
            </>
          )}
        </Panel>
      </div>
      <div className="panels">
        <Panel title={t('overview.supportByAllAgencies')} operation={SupportByAgencyAllDocument}>
          {(data) => <AgencySupport data={data} title={t('overview.supportByAllAgencies')} />}
        </Panel>
        <Panel title={t('overview.supportByProgramme')} operation={SupportSeriesDocument} variables={{ by: 'PROGRAMME' }}>
          {({ fundingSeries }) => <SupportStacked rows={fundingSeries} per="programme" title={t('overview.supportByProgramme')} />}
        </Panel>
        <Panel title={t('overview.applicationsPerYear')} operation={FunnelByYearDocument}>
          {({ applicationFunnelByYear: years }) => (
            <>
              {years.length === 0 && <p>{t('funnel.notRecorded')}</p>}
              <Chart
                label={t('overview.applicationsPerYearChart')}
                table={ids.funnelByYear}
                option={bars(
                  formats,
                  years.map((year) => String(year.year)),
                  [
                    { name: t('funnel.applied'), data: years.map((year) => year.applied) },
                    { name: t('funnel.granted'), data: years.map((year) => year.granted) },
                    { name: t('funnel.rejected'), data: years.map((year) => year.rejected) },
                  ],
                  { unit: 'applications' },
                )}
              />
              <Table
                id={ids.funnelByYear}
                caption={t('panel.figuresOf', { title: t('overview.applicationsPerYear') })}
                columns={[t('column.year'), t('funnel.applied'), t('funnel.granted'), t('funnel.rejected'), t('funnel.successRate')]}
                rows={years.map((year) => [
                  String(year.year),
                  [String(year.year), count(year.applied), count(year.granted), count(year.rejected), share(year.successRate)],
                ])}
              />
            </>
          )}
        </Panel>
        <Panel title={t('overview.levelsOverTime')} operation={LevelsOverTimeDocument}>
          {({ clusterLevelsByYear: points, clusterCounts }) => {
            const years = [...new Set(points.map((point) => point.year))];
            const levels = [...new Map(points.map((point) => [point.level, point.levelLabel])).entries()];
            // A year the graph has no figure for is a gap in the line, not a 0.
            const at = (year: number, level: string) =>
              points.find((point) => point.year === year && point.level === level)?.clusters ?? null;
            return (
              <>
                <Chart
                  label={t('overview.levelsOverTimeChart')}
                  table={ids.levelsOverTime}
                  option={bars(
                    formats,
                    years.map(String),
                    levels.map(([level, label]) => ({ name: label, data: years.map((year) => at(year, level)) })),
                    { unit: 'clusters', kind: 'line' },
                  )}
                />
                <Table
                  id={ids.levelsOverTime}
                  caption={t('panel.figuresOf', { title: t('overview.levelsOverTime') })}
                  columns={[t('column.year'), ...levels.map(([, label]) => label)]}
                  rows={years.map((year) => [String(year), [String(year), ...levels.map(([level]) => count(at(year, level)))]])}
                />
                <p>{t('levels.undated', { count: clusterCounts.undatedLevels })}</p>
                <p>{t('levels.nceEnded')}</p>
              </>
            );
          }}
        </Panel>
        <Panel title={t('levels.reported')} operation={ReportedFiguresDocument}>
          {({ reportedClusters, reportedPerLevel, clusterLevelsByYear }) => {
            // The clusters the graph holds at some level in a year: each cluster holds one level at a time.
            const held = (year: number | null) =>
              year === null
                ? null
                : clusterLevelsByYear.filter((point) => point.year === year).reduce((sum, point) => sum + point.clusters, 0);
            return (
              <ul className="reported">
                {reportedClusters.map((fact) => (
                  <li key={`${fact.year}-${fact.source.url}`}>
                    {t('levels.reportedClusters', {
                      year: String(fact.year ?? formats.notKnown),
                      value: fact.value,
                      held: count(held(fact.year)),
                    })}{' '}
                    (<a href={fact.source.url}>{fact.source.site}</a>)
                  </li>
                ))}
                {reportedPerLevel.map((fact) => (
                  <li key={`${fact.year}-${fact.source.url}`}>
                    {t('levels.reportedPerLevel', { year: String(fact.year ?? formats.notKnown), value: fact.value, fact: fact.fact })} (
                    <a href={fact.source.url}>{fact.source.site}</a>)
                  </li>
                ))}
              </ul>
            );
          }}
        </Panel>
      </div>
      <div className="panels wide">
        <Panel title={t('overview.clusters')} operation={ClusterListDocument}>
          {({ clusters }) => (
            <Table
              caption={t('overview.clusters')}
              columns={[t('column.cluster'), t('column.levelToday'), t('column.county'), t('column.members')]}
              rows={clusters.edges.map(({ node: cluster }) => [
                cluster.slug,
                [
                  <LocalLink href={`/clusters/${cluster.slug}`}>{cluster.name}</LocalLink>,
                  formats.text(cluster.levelLabel),
                  formats.text(cluster.county?.name),
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
