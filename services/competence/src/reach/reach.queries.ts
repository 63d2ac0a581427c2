import { COUNTIES } from '@klynge/contracts';
import { alignByKey, type RequestContext } from '@klynge/platform';
import type { DataSource } from 'typeorm';
import type { ProgrammeReachType } from '../programmes/programme.types';
import type { CountyReachType, ThemeCompletionsType } from './reach.types';

/** Reach figures, computed by PostgreSQL. */
export class ReachQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Per programme, batched per request: one query however many programmes a dashboard shows. */
  ofProgramme(context: RequestContext, programme: { id: string; targetCompanies: number | null }): Promise<ProgrammeReachType> {
    return context.loaders
      .get<string, Omit<ProgrammeReachType, 'targetCompanies' | 'shareOfTarget'>>('reach.ofProgramme', async (ids) => {
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
        return alignByKey(ids, rows, (row) => row.programme_id).map((row) => ({
          companiesReached: row?.reached ?? 0,
          outsideClusters: row?.outside ?? 0,
          outsideClusterShare: row && row.reached > 0 ? row.outside / row.reached : null,
          completed: row?.completed ?? 0,
          dropped: row?.dropped ?? 0,
        }));
      })
      .load(programme.id)
      .then((reach) => ({
        ...reach,
        targetCompanies: programme.targetCompanies,
        shareOfTarget: programme.targetCompanies ? reach.companiesReached / programme.targetCompanies : null,
      }));
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
