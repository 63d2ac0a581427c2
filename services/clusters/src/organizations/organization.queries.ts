import { alignByKey, type ConnectionPage, decodeCursor, pageSize, type RequestContext, toPage } from '@klynge/platform';
import { type DataSource, In } from 'typeorm';
import { OrganizationEntity } from './organization.entity';
import type { OrganizationFilter } from './organization.types';

export class OrganizationQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Organisations by number, batched per request (also what entity references use). */
  byOrgNumber(context: RequestContext, orgNumber: string): Promise<OrganizationEntity | null> {
    return context.loaders
      .get<string, OrganizationEntity | null>('organizations.byOrgNumber', (numbers) => this.byOrgNumbers(numbers))
      .load(orgNumber);
  }

  async byOrgNumbers(numbers: readonly string[]): Promise<(OrganizationEntity | null)[]> {
    const rows = await this.dataSource.getRepository(OrganizationEntity).findBy({ orgNumber: In([...numbers]) });
    return alignByKey(numbers, rows, (row) => row.orgNumber);
  }

  async list(
    filter: OrganizationFilter | undefined,
    first: number,
    after: string | undefined,
  ): Promise<ConnectionPage<OrganizationEntity>> {
    const limit = pageSize(first);
    const query = this.dataSource.getRepository(OrganizationEntity).createQueryBuilder('o');
    if (filter?.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter?.municipalityCode) query.andWhere('o.municipality_code = :municipality', { municipality: filter.municipalityCode });
    if (filter?.sizeClass === 'SME') query.andWhere('o.employees < 250');
    if (filter?.sizeClass === 'LARGE') query.andWhere('o.employees >= 250');
    if (filter?.text?.trim()) {
      query.andWhere('(o.name ILIKE :text OR o.org_number = :exact)', {
        text: `%${filter.text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        exact: filter.text.replace(/\s/g, ''),
      });
    }
    const cursor = after ? decodeCursor(after, ['text', 'text']) : undefined;
    const parameters = cursor ? { afterName: cursor[0], afterNumber: cursor[1] } : {};
    // One count for the whole list and for what comes at or before the cursor (a previous page).
    const counts = await query
      .clone()
      .select('count(*)::int', 'total')
      .addSelect(cursor ? 'count(*) FILTER (WHERE (o.name, o.org_number) <= (:afterName, :afterNumber))::int' : '0', 'preceding')
      .setParameters(parameters)
      .getRawOne<{ total: number; preceding: number }>();
    if (cursor) query.andWhere('(o.name, o.org_number) > (:afterName, :afterNumber)', parameters);
    const rows = await query
      .orderBy('o.name', 'ASC')
      .addOrderBy('o.org_number', 'ASC')
      .take(limit + 1)
      .getMany();
    return toPage(
      rows,
      limit,
      counts?.total ?? 0,
      (row) => row,
      (row) => [row.name, row.orgNumber],
      counts?.preceding ?? 0,
    );
  }
}
