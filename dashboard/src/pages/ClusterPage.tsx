import { type ReactNode, useId, useLayoutEffect, useState } from 'react';
import {
  ClusterCatapultDocument,
  ClusterFundingDocument,
  ClusterProfileDocument,
  ClusterProgrammesDocument,
  ClusterResearchDocument,
} from '../gql/graphql';
import { useFormats, usePageTitle } from '../i18n/Language';
import { Chart } from '../panels/Chart';
import { Figures } from '../panels/Figures';
import { Panel } from '../panels/Panel';
import { Table } from '../panels/Table';
import { levelTimeline } from '../panels/timeline';

/** What a panel says when the address names no cluster. */
function NoSuchCluster() {
  const { t } = useFormats();
  return <p className="status">{t('cluster.noSuchCluster')}</p>;
}

/** A download of the cluster's grants as a 360Giving data package (its JSON, made from what the graph answered). */
function Giving360Link({ slug, grants }: { readonly slug: string; readonly grants: readonly Record<string, unknown>[] }) {
  const { t } = useFormats();
  const file = JSON.stringify({ grants }, null, 2);
  return (
    <a className="download" download={`${slug}-360giving.json`} href={`data:application/json;charset=utf-8,${encodeURIComponent(file)}`}>
      {t('cluster.giving360')}
    </a>
  );
}

/**
 * Tells the page the cluster's name once its panel knows it (or that there is no such cluster):
 * before the browser paints, so the heading never shows "Klynge" beside the answered panel.
 */
function Named({ name, onName }: { readonly name: string | null; readonly onName: (name: string | null) => void }) {
  useLayoutEffect(() => onName(name), [name, onName]);
  return null;
}

/**
 * /dashboard/clusters/<slug>: one cluster's portfolio, each part from the subgraph that owns it.
 * The cluster's name heads the page and names it in the browser, once the clusters subgraph has
 * answered; until then, "Klynge".
 */
/** The pages behind a fact, each once, by its site; `otherwise` where none is (a fact Klynge recorded). */
function SourceLinks({ sources, otherwise }: { readonly sources: readonly { url: string; site: string }[]; readonly otherwise: string }) {
  const pages = [...new Map(sources.map((source) => [source.url, source])).values()];
  if (pages.length === 0) return <span className="name">{otherwise}</span>;
  return (
    <span className="name">
      {pages.map((source, index) => (
        <span key={source.url}>
          {index > 0 && ', '}
          <a href={source.url}>{source.site}</a>
        </span>
      ))}
    </span>
  );
}

export function ClusterPage({ slug }: { readonly slug: string }) {
  const formats = useFormats();
  const { t, count, money, share, date, label, text } = formats;
  // undefined: not answered yet; null: no cluster has this address.
  const [name, setName] = useState<string | null | undefined>();
  usePageTitle({ text: name ?? t(name === null ? 'cluster.notFoundTitle' : 'cluster.title') });
  const ids = { history: useId() };
  const variables = { slug };
  return (
    <>
      <h1>{name ?? t(name === null ? 'cluster.notFoundTitle' : 'cluster.title')}</h1>
      <div className="panels wide">
        <Panel title={t('cluster.about')} operation={ClusterProfileDocument} variables={variables}>
          {({ cluster }) =>
            cluster ? (
              <>
                <Named name={cluster.name} onName={setName} />
                <Figures
                  caption={t('cluster.about')}
                  rows={[
                    [t('cluster.levelToday'), text(cluster.levelLabel)],
                    [t('cluster.county'), text(cluster.county?.name)],
                    [t('cluster.town'), text(cluster.town)],
                    [t('cluster.sectors'), text(cluster.sectors.join(', ') || null)],
                    [t('cluster.founded'), text(cluster.foundedYear === null ? null : String(cluster.foundedYear))],
                    [t('cluster.members'), count(cluster.memberStats.memberCount)],
                    [
                      t('cluster.smes'),
                      t('cluster.smesOfKnown', {
                        smes: count(cluster.memberStats.smeCount),
                        known: count(cluster.memberStats.sizeKnownCount),
                      }),
                    ],
                    [t('cluster.smeShare'), share(cluster.memberStats.smeShare)],
                    ...cluster.membersReported.map(({ text: reported, source }): [string, ReactNode] => [
                      t('cluster.membersReported'),
                      <>
                        {reported} (<a href={source.url}>{source.site}</a>)
                      </>,
                    ]),
                  ]}
                />
                {cluster.description && <p>{cluster.description}</p>}
                <h3>{t('cluster.levelHistory')}</h3>
                <Chart
                  short
                  label={t('cluster.levelHistoryChart', { name: cluster.name })}
                  table={ids.history}
                  option={levelTimeline(formats, cluster.levelHistory)}
                />
                <Table
                  id={ids.history}
                  className="level-history"
                  caption={t('cluster.levelHistory')}
                  columns={[t('cluster.level'), t('cluster.years'), t('cluster.endedBy'), t('cluster.sources')]}
                  rows={cluster.levelHistory.map((period, index) => [
                    `${period.level}-${index}`,
                    [
                      period.levelLabel,
                      formats.years(period.fromYear, period.toYear, period.basis === 'RECORDED') +
                        (period.fromYearsReported.length > 1
                          ? ` ${t('cluster.sourcesDisagree', { years: period.fromYearsReported.join(` ${t('period.or')} `) })}`
                          : ''),
                      formats.periodEnd(period.endedBy, period.basis),
                      <SourceLinks key="sources" sources={period.claims.map((claim) => claim.source)} otherwise={text(period.reason)} />,
                    ],
                  ])}
                />
                <h3>{t('cluster.membersHeading', { count: count(cluster.memberStats.recorded ? cluster.members.totalCount : null) })}</h3>
                <Table
                  className="members"
                  caption={t('cluster.members')}
                  columns={[t('cluster.organisation'), t('cluster.role'), t('cluster.size'), t('cluster.joined')]}
                  rows={cluster.members.edges.map(({ node: member }) => [
                    member.organization.orgNumber,
                    [
                      member.organization.name,
                      label('role', member.role),
                      label('size', member.organization.sizeClass),
                      date(member.joinedOn),
                    ],
                  ])}
                />
              </>
            ) : (
              <>
                <Named name={null} onName={setName} />
                <NoSuchCluster />
              </>
            )
          }
        </Panel>
      </div>
      <div className="panels">
        <Panel title={t('cluster.grants')} operation={ClusterFundingDocument} variables={variables}>
          {({ cluster }) =>
            cluster?.grants ? (
              <>
                <Figures caption={t('cluster.grants')} rows={[[t('cluster.grantedInAll'), money(cluster.fundingTotal)]]} />
                <Table
                  className="grants"
                  caption={t('cluster.grants')}
                  columns={[t('cluster.awarded'), t('cluster.programme'), t('support.granted'), t('support.paid')]}
                  rows={cluster.grants.map((grant) => [
                    grant.id,
                    [
                      date(grant.awardDate, grant.awardDatePrecision),
                      <span className="name">{grant.programme.name}</span>,
                      money(grant.amountAwarded),
                      money(grant.amountPaid),
                    ],
                  ])}
                />
                <Giving360Link slug={cluster.slug} grants={cluster.grants.map((grant) => grant.giving360)} />
              </>
            ) : (
              <NoSuchCluster />
            )
          }
        </Panel>
        <Panel title={t('cluster.programmes')} operation={ClusterProgrammesDocument} variables={variables}>
          {({ cluster }) =>
            cluster?.hostedProgrammes ? (
              cluster.hostedProgrammes.length === 0 ? (
                <p>{t('cluster.noneRecorded')}</p>
              ) : (
                <Table
                  className="programmes"
                  caption={t('cluster.programmes')}
                  columns={[t('cluster.programme'), t('cluster.since'), t('cluster.status'), t('cluster.companiesReached')]}
                  rows={cluster.hostedProgrammes.map((programme) => [
                    programme.id,
                    [
                      programme.name,
                      date(programme.periodStart, programme.periodStartPrecision),
                      formats.programmeStatus(programme.status, programme.periodPhase),
                      // "0 av 300 selskaper", in full: the whole is what the figure is read against.
                      programme.reach.targetCompanies === null
                        ? count(programme.reach.companiesReached)
                        : t('cluster.reachOfTarget', {
                            reached: count(programme.reach.companiesReached),
                            target: programme.reach.targetCompanies,
                          }),
                    ],
                  ])}
                />
              )
            ) : (
              <NoSuchCluster />
            )
          }
        </Panel>
        <Panel title={t('cluster.catapult')} operation={ClusterCatapultDocument} variables={variables}>
          {({ cluster }) =>
            cluster ? (
              <Figures
                caption={t('cluster.catapult')}
                rows={[
                  ...(cluster.catapultCentres ?? []).map((centre): [string, string] => [
                    centre.name,
                    t('cluster.catapultCentre', {
                      theme: label('catapultTheme', centre.theme),
                      status: label('catapultStatus', centre.status),
                    }),
                  ]),
                  ...(cluster.catapultNodes ?? []).map((node): [string, string] => [node.name, t('cluster.catapultNode')]),
                  ...((cluster.catapultCentres ?? []).length + (cluster.catapultNodes ?? []).length === 0
                    ? [[t('cluster.catapultNone'), t('cluster.catapultNoneValue')] as [string, string]]
                    : []),
                ]}
              />
            ) : (
              <NoSuchCluster />
            )
          }
        </Panel>
        <Panel title={t('cluster.research')} operation={ClusterResearchDocument} variables={variables}>
          {({ cluster }) =>
            cluster ? (
              <>
                <Figures
                  caption={t('cluster.research')}
                  rows={[
                    [
                      t('cluster.membersWithProject'),
                      // Of no members known, no part is known either: not "0 av 0".
                      cluster.researchReach && cluster.researchReach.members > 0
                        ? formats.partOf(cluster.researchReach.membersWithProject, cluster.researchReach.members)
                        : formats.notKnown,
                    ],
                    [t('cluster.researchShare'), share(cluster.researchReach?.share)],
                  ]}
                />
                {(cluster.researchProjects ?? []).length > 0 && (
                  <Table
                    className="research"
                    caption={t('cluster.research')}
                    columns={[t('cluster.project'), t('cluster.years'), t('cluster.projectTotal')]}
                    rows={(cluster.researchProjects ?? []).map((project) => [
                      project.id,
                      [`${project.projectNumber} ${project.title}`, `${project.startYear}–${project.endYear}`, money(project.total)],
                    ])}
                  />
                )}
              </>
            ) : (
              <NoSuchCluster />
            )
          }
        </Panel>
      </div>
    </>
  );
}
