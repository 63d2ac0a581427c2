import { Link } from 'wouter';
import { count, date, share, words } from '../format';
import { ConversionEngineDocument, ProgrammeReachDocument } from '../gql/graphql';
import { Chart } from '../panels/Chart';
import { CONVERSION_ENGINE } from '../operations';
import { Figures } from '../panels/Figures';
import { bars } from '../panels/options';
import { Panel } from '../panels/Panel';
import { Table } from '../panels/Table';

/** /dashboard/conversion-engine: companies reached against the target, where, and on what. */
export function ConversionEngine() {
  return (
    <>
      <h1>The Conversion Engine</h1>
      <p>
        Competence programmes run by clusters under Innovasjon Norge&apos;s Conversion Engine (Omstillingsmotoren, from 2017): the goal is
        that 300 companies get up-to-date expertise in innovation, sustainability and technology.
      </p>
      <Panel title="Companies reached against the target" operation={ConversionEngineDocument}>
        {({ competenceProgrammes }) => {
          const programmes = competenceProgrammes.filter((programme) => programme.fundingProgramme?.code === CONVERSION_ENGINE);
          if (programmes.length === 0) return <p>No programme under the Conversion Engine is recorded yet.</p>;
          return (
            <>
              <Chart
                label="Companies reached and targeted per programme"
                option={bars(
                  programmes.map((programme) => programme.name),
                  [
                    { name: 'Reached', data: programmes.map((programme) => programme.reach.companiesReached) },
                    { name: 'Target', data: programmes.map((programme) => programme.reach.targetCompanies ?? 0) },
                  ],
                  { horizontal: true },
                )}
              />
              {programmes.map((programme) => (
                <div key={programme.id} className="programme">
                  <h3>{programme.name}</h3>
                  <Figures
                    rows={[
                      ['Since', date(programme.periodStart, programme.periodStartPrecision)],
                      ['Status', words(programme.status)],
                      ['Themes', programme.themes.join(', ')],
                      ['Companies reached', count(programme.reach.companiesReached)],
                      ['Target', programme.reach.targetCompanies === null ? 'not known' : count(programme.reach.targetCompanies)],
                      ['Share of the target', share(programme.reach.shareOfTarget)],
                      [
                        'From outside clusters',
                        `${count(programme.reach.outsideClusters)} (${share(programme.reach.outsideClusterShare)})`,
                      ],
                      ['Completed', count(programme.reach.completed)],
                      ['Dropped out', count(programme.reach.dropped)],
                    ]}
                  />
                  <p>
                    Hosted by{' '}
                    {programme.hostClusters.map((host, index) => (
                      <span key={host.slug}>
                        {index > 0 && ', '}
                        <Link href={`/clusters/${host.slug}`}>{host.name}</Link>
                      </span>
                    ))}
                  </p>
                  <div className="panels">
                    <ProgrammeReach id={programme.id} name={programme.name} />
                  </div>
                </div>
              ))}
            </>
          );
        }}
      </Panel>
    </>
  );
}

/** Where one programme's companies are, and what they completed. */
function ProgrammeReach({ id, name }: { readonly id: string; readonly name: string }) {
  return (
    <Panel title={`${name}: companies by county and modules by theme`} operation={ProgrammeReachDocument} variables={{ programmeId: id }}>
      {({ reachByCounty, completionsByTheme }) => (
        <>
          <Table
            className="reach-by-county"
            columns={['County', 'Companies']}
            rows={
              reachByCounty.length === 0
                ? [['none', ['No company reached yet', count(0)]]]
                : reachByCounty.map((county) => [county.countyCode, [county.countyName, count(county.companies)]])
            }
          />
          <Table
            className="completions-by-theme"
            columns={['Theme', 'Modules completed']}
            rows={completionsByTheme.map((theme) => [theme.theme, [theme.theme, count(theme.completions)]])}
          />
        </>
      )}
    </Panel>
  );
}
