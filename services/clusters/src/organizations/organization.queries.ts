import {
  alignByKey,
  type ConnectionPage,
  containsPattern,
  entitySelect,
  Keyset,
  keysetPage,
  type RequestContext,
  SqlConditions,
} from '@klynge/platform';
import { type DataSource, In } from 'typeorm';
import { OrganizationEntity } from './organization.entity';
import type { OrganizationFilter } from './organization.types';

/** Organisations in a list: by name, then organisation number (names need not be unique). */
const ORGANIZATIONS_ORDER = Keyset.ascending(['o.name', 'text'], ['o.org_number', 'text']);

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

  /** A page of organisations, ordered by name (then number, so the order is total and stable). */
  list(filter: OrganizationFilter | undefined, first: number, after: string | undefined): Promise<ConnectionPage<OrganizationEntity>> {
    const conditions = new SqlConditions();
    if (filter?.kind) conditions.add('o.kind = ?', filter.kind);
    if (filter?.municipalityCode) conditions.add('o.municipality_code = ?', filter.municipalityCode);
    if (filter?.sizeClass === 'SME') conditions.add('o.employees < 250');
    if (filter?.sizeClass === 'LARGE') conditions.add('o.employees >= 250');
    if (filter?.text?.trim()) {
      conditions.add('(o.name ILIKE ? OR o.org_number = ?)', containsPattern(filter.text.trim()), filter.text.replace(/\s/g, ''));
    }
    const organizations = entitySelect(this.dataSource, OrganizationEntity, 'o');
    return keysetPage(this.dataSource, {
      from: organizations.from,
      where: conditions,
      order: ORGANIZATIONS_ORDER,
      first,
      after,
      rows: organizations.read,
      sortKey: (organization) => [organization.name, organization.orgNumber],
    });
  }
}
