import { count } from '../format';
import { ClustersByCountyDocument, SupportByCountyDocument } from '../gql/graphql';
import { COUNTY_TILES } from '../panels/counties';
import { Panel } from '../panels/Panel';
import { Support } from '../panels/Support';
import { Table } from '../panels/Table';

/** /dashboard/counties: where the clusters are, and where the support goes. */
export function Counties() {
  return (
    <>
      <h1>Counties</h1>
      <div className="panels">
        <Panel title="Clusters per county, by level today" operation={ClustersByCountyDocument}>
          {({ clusterCounts }) => {
            const clusters = new Map(clusterCounts.byCounty.map((entry) => [entry.county.code, entry.clusters]));
            const most = Math.max(1, ...clusters.values());
            // The levels some cluster holds today, as the graph names them.
            const levels = [...new Map(clusterCounts.byLevelAndCounty.map((entry) => [entry.level, entry.levelLabel])).entries()];
            const atLevel = (code: string, level: string) =>
              clusterCounts.byLevelAndCounty.find((entry) => entry.county.code === code && entry.level === level)?.clusters ?? 0;
            return (
              <>
                <div className="tile-map" role="img" aria-label="Clusters per county, as a tile map of Norway">
                  {COUNTY_TILES.map((tile) => {
                    const here = clusters.get(tile.code) ?? 0;
                    return (
                      <div
                        key={tile.code}
                        className="tile"
                        data-county={tile.code}
                        title={`${tile.name}: ${count(here)} clusters`}
                        style={{
                          gridColumn: tile.column + 1,
                          gridRow: tile.row + 1,
                          background: here === 0 ? '#eef0f3' : `hsl(212 60% ${88 - Math.round((here / most) * 50)}%)`,
                          color: here / most > 0.6 ? '#fff' : undefined,
                        }}
                      >
                        <span className="tile-name">{tile.name}</span>
                        <span className="tile-figure">{count(here)}</span>
                      </div>
                    );
                  })}
                </div>
                <Table
                  columns={['County', ...levels.map(([, label]) => label), 'Level not known', 'All clusters']}
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
              </>
            );
          }}
        </Panel>
        <Panel title="Support granted and paid per county of the recipient" operation={SupportByCountyDocument}>
          {({ fundingBreakdown: counties }) => <Support rows={counties} per="County" horizontal />}
        </Panel>
      </div>
    </>
  );
}
