import { sourceOf } from '@klynge/platform';
import type { DataSource } from 'typeorm';
import type { ProgrammeFactKind } from './reported-figure.kinds';
import type { ProgrammeFactType } from './reported-figure.types';

interface ProgrammeFactRow {
  year: number | null;
  fact: string;
  value: string;
  unit: string | null;
  kind: ProgrammeFactKind;
  quantity: string | null;
  source_url: string;
}

/** Reads of the programme's reported figures: by year (undated ones last) and kind, as loaded. */
export class ReportedFigureQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(year: number | null, kind: ProgrammeFactKind | null): Promise<ProgrammeFactType[]> {
    const rows: ProgrammeFactRow[] = await this.dataSource.query(
      `SELECT year, fact, value, unit, kind, quantity::text AS quantity, source_url FROM programme_facts
       WHERE ($1::int IS NULL OR year = $1) AND ($2::text IS NULL OR kind = $2)
       ORDER BY year NULLS LAST, id`,
      [year, kind],
    );
    return rows.map(({ source_url, ...row }) => ({ ...row, source: sourceOf(source_url) }));
  }
}
