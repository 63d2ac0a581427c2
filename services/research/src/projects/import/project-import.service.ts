import { randomUUID } from 'node:crypto';
import { type Caller, norwegianDate, type UnitOfWork } from '@klynge/platform';
import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import { ProjectCompleted, ProjectGranted, type ResearchProjectSnapshot, ProjectUpdated } from '../../research.events';
import { type ImportedProject, type ImportRowError, readProsjektbankenCsv } from './prosjektbanken-csv';

export interface ImportReport {
  /** Projects new to Klynge. */
  readonly granted: number;
  /** Projects whose figures, partners, period or other data changed. */
  readonly updated: number;
  /** Projects whose phase became COMPLETED. */
  readonly completed: number;
  readonly unchanged: number;
}

/** A file with problems: each named by line and column; nothing of the file was written. */
export class ImportRejectedError extends GraphQLError {
  constructor(readonly rows: readonly ImportRowError[]) {
    const shown = rows.slice(0, 100);
    super(
      `The file was not imported: ${rows.length} problem${rows.length === 1 ? '' : 's'} (line ${rows[0]!.line}, ${rows[0]!.column || 'file'}: ${rows[0]!.message})`,
      {
        extensions: { code: 'BAD_USER_INPUT', field: 'csv', rows: shown, more: rows.length - shown.length },
      },
    );
  }
}

interface StoredProject {
  readonly id: string;
  readonly snapshot: Omit<ResearchProjectSnapshot, 'projectId'>;
  readonly details: string;
}

/**
 * Loads Prosjektbanken's projects: the whole file in one transaction, or nothing. A project is
 * known by its project number; importing the same file again changes nothing and publishes
 * nothing. Imports take turns (an advisory lock), so two at once cannot both add one project.
 */
export class ProjectImportService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async importCsv(text: string, authorize: () => Caller): Promise<ImportReport> {
    authorize();
    const { projects, errors } = readProsjektbankenCsv(text, Number(norwegianDate(new Date()).slice(0, 4)));
    if (errors.length > 0) throw new ImportRejectedError(errors);
    return this.unitOfWork.run(async ({ manager, publish }) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('research-project-import'))`);
      await saveActivities(manager, projects);
      const stored = await storedProjects(
        manager,
        projects.map((project) => project.projectNumber),
      );
      const report = { granted: 0, updated: 0, completed: 0, unchanged: 0 };
      for (const project of projects) {
        const before = stored.get(project.projectNumber);
        const id = before?.id ?? randomUUID();
        const snapshot = snapshotOf(id, project);
        if (!before) {
          await insertProject(manager, id, project);
          await publish(ProjectGranted, { subject: id, data: snapshot });
          report.granted += 1;
          continue;
        }
        const { phase: _phase, ...rest } = snapshot;
        const { phase: phaseBefore, ...restBefore } = { ...before.snapshot, projectId: id };
        const dataChanged = canonical(rest) !== canonical(restBefore) || detailsOf(project) !== before.details;
        const completedNow = project.phase === 'COMPLETED' && phaseBefore !== 'COMPLETED';
        if (!dataChanged && project.phase === phaseBefore) {
          report.unchanged += 1;
          continue;
        }
        await manager.query('DELETE FROM research_projects WHERE id = $1', [id]);
        await insertProject(manager, id, project);
        if (dataChanged || !completedNow) {
          await publish(ProjectUpdated, { subject: id, data: snapshot });
          report.updated += 1;
        }
        if (completedNow) {
          await publish(ProjectCompleted, {
            subject: id,
            data: { projectId: id, projectNumber: project.projectNumber, endYear: project.endYear },
          });
          report.completed += 1;
        }
      }
      return report;
    });
  }
}

/** JSON with every object's keys in order: equal values, equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

function snapshotOf(id: string, project: ImportedProject): ResearchProjectSnapshot {
  return {
    projectId: id,
    projectNumber: project.projectNumber,
    title: project.title,
    applicationType: project.applicationType,
    activityCode: project.activity?.code ?? null,
    ownerOrgNumber: project.ownerOrgNumber,
    partners: [...project.partners].sort((a, b) => a.orgNumber.localeCompare(b.orgNumber)),
    startYear: project.startYear,
    endYear: project.endYear,
    phase: project.phase,
    allocations: project.allocations.map(({ year, amount }) => ({ year, amount: amount.toString() })),
    total: project.total.toString(),
  };
}

/** What a project holds beyond its event's snapshot, to tell whether a new import changes it. */
function detailsOf(
  project: Pick<ImportedProject, 'ownerName' | 'countyCode' | 'municipalityCode' | 'thematicAreas' | 'subjectFields' | 'projectManager'>,
): string {
  return JSON.stringify([
    project.ownerName,
    project.countyCode,
    project.municipalityCode,
    [...project.thematicAreas],
    [...project.subjectFields],
    project.projectManager,
  ]);
}

async function saveActivities(manager: EntityManager, projects: readonly ImportedProject[]): Promise<void> {
  const activities = new Map(projects.flatMap((project) => (project.activity ? [[project.activity.code, project.activity] as const] : [])));
  if (activities.size === 0) return;
  const list = [...activities.values()];
  // What a file names of an activity's place in the hierarchy is kept; what it leaves out, kept from before.
  await manager.query(
    `INSERT INTO research_funding_activities (code, name, main_activity, instrument)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name,
       main_activity = coalesce(EXCLUDED.main_activity, research_funding_activities.main_activity),
       instrument = coalesce(EXCLUDED.instrument, research_funding_activities.instrument)`,
    [list.map((a) => a.code), list.map((a) => a.name), list.map((a) => a.mainActivity), list.map((a) => a.instrument)],
  );
}

async function storedProjects(manager: EntityManager, numbers: readonly string[]): Promise<Map<string, StoredProject>> {
  const rows = await manager.query<
    (Omit<ResearchProjectSnapshot, 'projectId' | 'partners' | 'allocations'> & {
      id: string;
      partners: { orgNumber: string; role: string }[];
      allocations: { year: number | null; amount: string }[];
      ownerName: string | null;
      countyCode: string | null;
      municipalityCode: string | null;
      thematicAreas: string[];
      subjectFields: string[];
      projectManager: string | null;
    })[]
  >(
    `SELECT p.id, p.project_number AS "projectNumber", p.title, p.application_type AS "applicationType", p.activity_code AS "activityCode",
       p.owner_org_number AS "ownerOrgNumber", p.start_year AS "startYear", p.end_year AS "endYear", p.phase, p.total::text AS total,
       p.owner_name AS "ownerName", p.county_code AS "countyCode", p.municipality_code AS "municipalityCode",
       p.thematic_areas AS "thematicAreas", p.subject_fields AS "subjectFields", p.project_manager AS "projectManager",
       coalesce((SELECT json_agg(json_build_object('orgNumber', pp.org_number, 'role', pp.role) ORDER BY pp.org_number)
                 FROM research_project_partners pp WHERE pp.project_id = p.id), '[]') AS partners,
       coalesce((SELECT json_agg(json_build_object('year', a.year, 'amount', a.amount::text) ORDER BY a.year NULLS FIRST)
                 FROM research_allocations a WHERE a.project_id = p.id), '[]') AS allocations
     FROM research_projects p WHERE p.project_number = ANY($1::text[]) FOR UPDATE`,
    [numbers],
  );
  return new Map(
    rows.map((row) => {
      const { id, ownerName, countyCode, municipalityCode, thematicAreas, subjectFields, projectManager, ...snapshot } = row;
      return [
        row.projectNumber,
        { id, snapshot, details: detailsOf({ ownerName, countyCode, municipalityCode, thematicAreas, subjectFields, projectManager }) },
      ];
    }),
  );
}

async function insertProject(manager: EntityManager, id: string, project: ImportedProject): Promise<void> {
  await manager.query(
    `INSERT INTO research_projects (id, project_number, title, application_type, activity_code, owner_org_number, owner_name,
       county_code, municipality_code, thematic_areas, subject_fields, start_year, end_year, project_manager, phase, total)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      id,
      project.projectNumber,
      project.title,
      project.applicationType,
      project.activity?.code ?? null,
      project.ownerOrgNumber,
      project.ownerName,
      project.countyCode,
      project.municipalityCode,
      project.thematicAreas,
      project.subjectFields,
      project.startYear,
      project.endYear,
      project.projectManager,
      project.phase,
      project.total.toString(),
    ],
  );
  if (project.partners.length > 0) {
    await manager.query(
      'INSERT INTO research_project_partners (project_id, org_number, role) SELECT $1, * FROM unnest($2::text[], $3::text[])',
      [id, project.partners.map((partner) => partner.orgNumber), project.partners.map((partner) => partner.role)],
    );
  }
  await manager.query('INSERT INTO research_allocations (project_id, year, amount) SELECT $1, * FROM unnest($2::int[], $3::bigint[])', [
    id,
    project.allocations.map((allocation) => allocation.year),
    project.allocations.map((allocation) => allocation.amount.toString()),
  ]);
}
