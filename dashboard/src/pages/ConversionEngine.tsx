import { useId } from 'react';
import { ConversionEngineDocument, ProgrammeReachDocument } from '../gql/graphql';
import { LocalLink, useFormats, usePageTitle } from '../i18n/Language';
import { CONVERSION_ENGINE } from '../operations';
import { Chart } from '../panels/Chart';
import { Figures } from '../panels/Figures';
import { bars, heightForBars } from '../panels/options';
import { Panel } from '../panels/Panel';
import { Table } from '../panels/Table';

/** /dashboard/conversion-engine: companies reached against the target, where, and on what. */
export function ConversionEngine() {
  const formats = useFormats();
  const { t, count, date, share, label } = formats;
  usePageTitle('conversion.title');
  const chartTable = useId();
  return (
    <>
      <h1>{t('conversion.heading')}</h1>
      <p>{t('conversion.intro')}</p>
      <Panel title={t('conversion.reach')} operation={ConversionEngineDocument}>
        {({ competenceProgrammes }) => {
          const programmes = competenceProgrammes.filter((programme) => programme.fundingProgramme?.code === CONVERSION_ENGINE);
          if (programmes.length === 0) return <p>{t('conversion.none')}</p>;
          return (
            <>
              <Chart
                label={t('conversion.chart')}
                table={chartTable}
                height={heightForBars(programmes.length, 2)}
                option={bars(
                  formats,
                  programmes.map((programme) => programme.name),
                  [
                    { name: t('conversion.reached'), data: programmes.map((programme) => programme.reach.companiesReached) },
                    // No target recorded is a gap, not a target of 0.
                    { name: t('conversion.target'), data: programmes.map((programme) => programme.reach.targetCompanies) },
                  ],
                  { unit: 'companies', horizontal: true },
                )}
              />
              <Table
                id={chartTable}
                caption={t('panel.figuresOf', { title: t('conversion.chart') })}
                columns={[t('cluster.programme'), t('conversion.reached'), t('conversion.target')]}
                rows={programmes.map((programme) => [
                  programme.id,
                  [programme.name, count(programme.reach.companiesReached), count(programme.reach.targetCompanies)],
                ])}
              />
              {programmes.map((programme) => (
                <div key={programme.id} className="programme">
                  <h3>{programme.name}</h3>
                  <Figures
                    caption={programme.name}
                    rows={[
                      [t('conversion.since'), date(programme.periodStart, programme.periodStartPrecision)],
                      [t('conversion.status'), label('programmeStatus', programme.status)],
                      [t('conversion.themes'), formats.text(programme.themes.join(', ') || null)],
                      [t('conversion.companiesReached'), count(programme.reach.companiesReached)],
                      [t('conversion.target'), count(programme.reach.targetCompanies)],
                      [t('conversion.shareOfTarget'), share(programme.reach.shareOfTarget)],
                      [
                        t('conversion.outsideClusters'),
                        t('value.countWithShare', {
                          count: count(programme.reach.outsideClusters),
                          share: share(programme.reach.outsideClusterShare),
                        }),
                      ],
                      [t('conversion.completed'), count(programme.reach.completed)],
                      [t('conversion.dropped'), count(programme.reach.dropped)],
                    ]}
                  />
                  <p>
                    {t('conversion.hostedBy')}{' '}
                    {programme.hostClusters.map((host, index) => (
                      <span key={host.slug}>
                        {index > 0 && ', '}
                        <LocalLink href={`/clusters/${host.slug}`}>{host.name}</LocalLink>
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
  const { t, count } = useFormats();
  const title = t('conversion.reachPanel', { programme: name });
  return (
    <Panel title={title} operation={ProgrammeReachDocument} variables={{ programmeId: id }}>
      {({ reachByCounty, completionsByTheme }) => (
        <>
          <Table
            className="reach-by-county"
            caption={t('conversion.county')}
            columns={[t('conversion.county'), t('conversion.companies')]}
            rows={
              reachByCounty.length === 0
                ? [['none', [t('conversion.noCompanyYet'), count(0)]]]
                : reachByCounty.map((county) => [county.countyCode, [county.countyName, count(county.companies)]])
            }
          />
          <Table
            className="completions-by-theme"
            caption={t('conversion.theme')}
            columns={[t('conversion.theme'), t('conversion.modulesCompleted')]}
            rows={completionsByTheme.map((theme) => [theme.theme, [theme.theme, count(theme.completions)]])}
          />
        </>
      )}
    </Panel>
  );
}
