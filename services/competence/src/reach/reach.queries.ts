import { COUNTIES } from '@klynge/contracts';
import { alignByKey, type RequestContext } from '@klynge/platform';
import type { DataSource } from 'typeorm';
import type { ProgrammeReachType } from '../programmes/programme.types';
import type { CountyReachType, ThemeCompletionsType } from './reach.types';

const NONE_YET = { companiesReached: 0, outsideClusters: 0, outsideClusterShare: null, completed: 0, dropped: 0 };

/** Reach figures, computed by PostgreSQL. */
export class ReachQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Per programme, batched per request: one query however many programmes a dashboard shows. A
   * programme reported from a public source with no enrolment recorded here has its reach not
   * known (null), not zero: its enrolments were never recorded in Klynge.
   */
  ofProgramme(
    context: RequestContext,
    programme: { id: string; targetCompanies: number | null; source: string | null },
  ): Promise<ProgrammeReachType> {
    return context.loaders
      .get<string, Omit<ProgrammeReachType, 'targetCompanies' | 'shareOfTarget' | 'recorded'> | null>('reach.ofProgramme', async (ids) => {
        const rows = await this.dataSource.query<
          { programme_id: string; reached: number; outside: number; completed: number; dropped: number }[]
        >(
          `SELECT programme_id,
                  count(*) FILTER (WHERE status <> 'DROPPED')::int AS reached,
                  count(*) FILTER (WHERE status <> 'DROPPED' AND NOT member_of_cluster)::int AS outside,
                  count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed,
                  count(*) FILTER (WHERE status = 'DROPPED')::int AS dropped
           FROM enrolments WHERE programme_id = ANY($1::uuid[]) GROUP BY programme_id`,
          [ids],
        );
        return alignByKey(ids, rows, (row) => row.programme_id).map((row) =>
          row
            ? {
                companiesReached: row.reached,
                outsideClusters: row.outside,
                outsideClusterShare: row.reached > 0 ? row.outside / row.reached : null,
                completed: row.completed,
                dropped: row.dropped,
              }
            : null,
        );
      })
      .load(programme.id)
      .then((counted) => {
        // Run here, a programme with no enrolment has reached none; reported, it is not known.
        const reach = counted ?? (programme.source === null ? NONE_YET : null);
        return {
          recorded: reach !== null,
          companiesReached: reach?.companiesReached ?? null,
          outsideClusters: reach?.outsideClusters ?? null,
          outsideClusterShare: reach?.outsideClusterShare ?? null,
          completed: reach?.completed ?? null,
          dropped: reach?.dropped ?? null,
          targetCompanies: programme.targetCompanies,
          shareOfTarget: reach && programme.targetCompanies ? reach.companiesReached! / programme.targetCompanies : null,
        };
      });
  }

  /** Companies reached (not dropped) by county, for one programme or all. */
  async byCounty(programmeId: string | undefined): Promise<CountyReachType[]> {
    const rows = await this.dataSource.query<{ county: string; companies: number }[]>(
      `SELECT COALESCE(o.county_code, 'unknown') AS county, count(DISTINCT e.org_number)::int AS companies
       FROM enrolments e LEFT JOIN organization_directory o ON o.org_number = e.org_number
       WHERE e.status <> 'DROPPED' AND ($1::text IS NULL OR e.programme_id::text = $1)
       GROUP BY 1 ORDER BY 1`,
      [programmeId ?? null],
    );
    return rows.map((row) => ({ countyCode: row.county, countyName: COUNTIES[row.county] ?? 'Unknown county', companies: row.companies }));
  }

  /** Modules completed, by theme, for one programme or all. */
  byTheme(programmeId: string | undefined): Promise<ThemeCompletionsType[]> {
    return this.dataSource.query(
      `SELECT m.theme, count(*)::int AS completions
       FROM enrolment_modules em JOIN modules m ON m.id = em.module_id
       WHERE $1::text IS NULL OR m.programme_id::text = $1
       GROUP BY m.theme ORDER BY completions DESC, m.theme`,
      [programmeId ?? null],
    );
  }
}
