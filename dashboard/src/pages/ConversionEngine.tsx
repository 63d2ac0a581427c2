import { useId } from 'react';
import {
  type ConversionEngineAwardsQuery,
  ConversionEngineAwardsDocument,
  ConversionEngineDocument,
  ProgrammeReachDocument,
} from '../gql/graphql';
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
  const { t, count, date, share } = formats;
  usePageTitle('conversion.title');
  const chartTable = useId();
  return (
    <>
      <h1>{t('conversion.heading')}</h1>
      <p>{t('conversion.intro')}</p>
      <Panel title={t('conversion.money')} operation={ConversionEngineAwardsDocument}>
        {({ budgets, grants }) => <Awards budgets={budgets} grants={grants.edges.map(({ node }) => node)} />}
      </Panel>
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
                  {!programme.reach.recorded && (
                    <p>{t('conversion.reachNotRecorded', { target: count(programme.reach.targetCompanies) })}</p>
                  )}
                  <Figures
                    caption={programme.name}
                    rows={[
                      [
                        t('conversion.period'),
                        `${date(programme.periodStart, programme.periodStartPrecision)} – ${date(programme.periodEnd, programme.periodEndPrecision)}`,
                      ],
                      // What its dates say today, beside the status its source supports.
                      [t('conversion.phase'), t(`conversion.phase.${programme.periodPhase}`)],
                      [t('conversion.status'), formats.programmeStatus(programme.status, programme.periodPhase)],
                      [t('conversion.themes'), formats.text(programme.themes.join(', ') || null)],
                      [t('conversion.companiesReached'), count(programme.reach.companiesReached)],
                      [t('conversion.target'), count(programme.reach.targetCompanies)],
                      [t('conversion.shareOfTarget'), share(programme.reach.shareOfTarget)],
                      [
                        t('conversion.outsideClusters'),
                        programme.reach.outsideClusters === null
                          ? formats.notKnown
                          : t('value.countWithShare', {
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
                    <ProgrammeReach id={programme.id} name={programme.name} recorded={programme.reach.recorded} />
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
function ProgrammeReach({ id, name, recorded }: { readonly id: string; readonly name: string; readonly recorded: boolean }) {
  const formats = useFormats();
  const { t, count } = formats;
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
                ? // None reached is a count where enrolments are recorded; otherwise it is not known.
                  [
                    [
                      'none',
                      recorded ? [t('conversion.noCompanyYet'), count(0)] : [t('conversion.enrolmentsNotRecorded'), formats.notKnown],
                    ],
                  ]
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

type Award = ConversionEngineAwardsQuery['grants']['edges'][number]['node'];

/** What was set aside for the Conversion Engine, and each award made from it with every recipient its source names. */
function Awards({ budgets, grants }: { readonly budgets: ConversionEngineAwardsQuery['budgets']; readonly grants: readonly Award[] }) {
  const { t, money, date } = useFormats();
  const awarded = grants.reduce((sum, grant) => sum + BigInt(grant.amountAwarded.amount), 0n);
  return (
    <>
      <Figures
        caption={t('conversion.money')}
        rows={[
          ...budgets.map((budget): [string, string] => [t('conversion.setAside', { year: String(budget.year) }), money(budget.amount)]),
          [t('conversion.allocated'), grants.length === 0 ? money(null) : money({ amount: String(awarded), currency: 'NOK' })],
        ]}
      />
      <Table
        className="awards"
        caption={t('conversion.awards')}
        columns={[t('conversion.awardedOn'), t('conversion.amount'), t('conversion.recipients'), t('conversion.source')]}
        rows={grants.map((grant) => [
          grant.id,
          [
            date(grant.awardDate, grant.awardDatePrecision),
            money(grant.amountAwarded),
            <span className="name">{grant.recipients.map((recipient) => recipient.name ?? t('value.notKnown')).join(', ')}</span>,
            <span className="name">{grant.source ?? t('value.notKnown')}</span>,
          ],
        ])}
      />
    </>
  );
}
