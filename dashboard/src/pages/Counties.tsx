import { useId } from 'react';
import { ClustersByCountyDocument, SupportByAgencyCountyDocument, SupportByCountyDocument } from '../gql/graphql';
import { useFormats, usePageTitle } from '../i18n/Language';
import { AgencyCountySupport } from '../panels/AgencySupport';
import { COUNTY_TILES } from '../panels/counties';
import { Panel } from '../panels/Panel';
import { Support } from '../panels/Support';
import { Table } from '../panels/Table';

/**
 * A tile's colour for its share of the most clusters any county has: paler for fewer, darker for
 * more. Lightness skips the middle band, where neither dark nor white text reaches WCAG AA's 4.5:1
 * on this blue: dark text on 92-62 %, white text on 40-28 %.
 */
export const tileColours = (share: number): { background: string; color: string } =>
  share < 0.5
    ? { background: `hsl(212 60% ${Math.round(92 - share * 60)}%)`, color: '#1d2733' }
    : { background: `hsl(212 60% ${Math.round(40 - (share - 0.5) * 24)}%)`, color: '#ffffff' };

/** /dashboard/counties: where the clusters are, and where the support goes. */
export function Counties() {
  const { t, count } = useFormats();
  usePageTitle('counties.title');
  const table = useId();
  return (
    <>
      <h1>{t('counties.heading')}</h1>
      <div className="panels">
        <Panel title={t('counties.clusters')} operation={ClustersByCountyDocument}>
          {({ clusterCounts }) => {
            const clusters = new Map(clusterCounts.byCounty.map((entry) => [entry.county.code, entry.clusters]));
            const most = Math.max(1, ...clusters.values());
            // The levels some cluster holds today, as the graph names them.
            const levels = [...new Map(clusterCounts.byLevelAndCounty.map((entry) => [entry.level, entry.levelLabel])).entries()];
            const atLevel = (code: string, level: string) =>
              clusterCounts.byLevelAndCounty.find((entry) => entry.county.code === code && entry.level === level)?.clusters ?? 0;
            return (
              <>
                <div className="tile-map" role="img" aria-label={t('counties.tileMap')} aria-describedby={table}>
                  {COUNTY_TILES.map((tile) => {
                    const here = clusters.get(tile.code) ?? 0;
                    return (
                      <div
                        key={tile.code}
                        className="tile"
                        data-county={tile.code}
                        title={t('counties.tile', { county: tile.name, clusters: t('unit.clusterCount', { count: here }) })}
                        style={{ gridColumn: tile.column + 1, gridRow: tile.row + 1, ...(here === 0 ? {} : tileColours(here / most)) }}
                      >
                        <span className="tile-name">{tile.name}</span>
                        <span className="tile-figure">{count(here)}</span>
                      </div>
                    );
                  })}
                </div>
                <Table
                  id={table}
                  caption={t('panel.figuresOf', { title: t('counties.clusters') })}
                  columns={[t('column.county'), ...levels.map(([, label]) => label), t('levels.unknown'), t('levels.all')]}
                  rows={clusterCounts.byCounty.map(({ county, clusters: all }) => [
                    county.code,
                    [
                      county.name,
                      ...levels.map(([level]) => count(atLevel(county.code, level))),
                      count(all - levels.reduce((known, [level]) => known + atLevel(county.code, level), 0)),
                      count(all),
                    ],
                  ])}
                />
                {clusterCounts.countyUnknown > 0 && (
                  <p>{t('counties.countyUnknown', { unknown: count(clusterCounts.countyUnknown), total: count(clusterCounts.total) })}</p>
                )}
              </>
            );
          }}
        </Panel>
        <Panel title={t('counties.support')} operation={SupportByCountyDocument}>
          {({ fundingBreakdown: counties }) => <Support rows={counties} per="county" title={t('counties.support')} horizontal />}
        </Panel>
        <Panel title={t('counties.supportByAgency')} operation={SupportByAgencyCountyDocument}>
          {(data) => <AgencyCountySupport data={data} title={t('counties.supportByAgency')} />}
        </Panel>
      </div>
    </>
  );
}
