import { alignByKey, groupByKey, isUuid, type RequestContext } from '@klynge/platform';
import type { DataSource } from 'typeorm';
import { ENROLMENT_COLUMNS, type EnrolmentRecord } from './enrolment.service';
import type { EnrolmentStatus } from './enrolment.types';

export class EnrolmentQueries {
  constructor(private readonly dataSource: DataSource) {}

  byId(context: RequestContext, id: string): Promise<EnrolmentRecord | null> {
    return context.loaders
      .get<string, EnrolmentRecord | null>('enrolments.byId', async (ids) => {
        const valid = ids.filter((value) => isUuid(value));
        const rows = valid.length
          ? await this.dataSource.query<EnrolmentRecord[]>(`SELECT ${ENROLMENT_COLUMNS} FROM enrolments e WHERE e.id = ANY($1::uuid[])`, [
              valid,
            ])
          : [];
        return alignByKey(ids, rows, (row) => row.id);
      })
      .load(id);
  }

  ofProgramme(context: RequestContext, programmeId: string, status?: EnrolmentStatus): Promise<EnrolmentRecord[]> {
    return context.loaders
      .get<string, EnrolmentRecord[]>(`enrolments.ofProgramme:${status ?? ''}`, async (ids) => {
        const rows = await this.dataSource.query<EnrolmentRecord[]>(
          `SELECT ${ENROLMENT_COLUMNS} FROM enrolments e WHERE e.programme_id = ANY($1::uuid[]) AND ($2::text IS NULL OR e.status = $2)
           ORDER BY e.enrolled_on, e.org_number`,
          [ids, status ?? null],
        );
        return groupByKey(ids, rows, (row) => row.programmeId);
      })
      .load(programmeId);
  }

  ofOrganization(context: RequestContext, orgNumber: string): Promise<EnrolmentRecord[]> {
    return context.loaders
      .get<string, EnrolmentRecord[]>('enrolments.ofOrganization', async (numbers) => {
        const rows = await this.dataSource.query<EnrolmentRecord[]>(
          `SELECT ${ENROLMENT_COLUMNS} FROM enrolments e WHERE e.org_number = ANY($1::text[]) ORDER BY e.enrolled_on DESC`,
          [numbers],
        );
        return groupByKey(numbers, rows, (row) => row.orgNumber);
      })
      .load(orgNumber);
  }
}
