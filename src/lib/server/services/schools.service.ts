import { parseSchoolCsv, type SchoolFileProblem, type SchoolRow, type SchoolRowProblem } from '$lib/training/school-import';
import type { AuditEntry } from '../repos/accounts.repo';
import type { SchoolRecord, SchoolsRepo } from '../repos/schools.repo';
import type { CurrentSession } from './auth.service';

export interface SchoolsDependencies {
	schools: SchoolsRepo;
	/** Each region's code and its names in ky, ru and en, as an import may write them. */
	regions: { code: string; names: string[] }[];
	newId: () => string;
	now: () => Date;
}

export type SchoolPlan = { line: number; code: string; action: 'create' | 'update' | 'unchanged' };

export interface SchoolImportReport {
	committed: boolean;
	plan: SchoolPlan[];
	problems: SchoolRowProblem[];
}

export type SchoolsFailure = { code: 'file-invalid'; problem: SchoolFileProblem; missing?: string[] };

type Result<T> = { ok: true; value: T } | { ok: false; failure: SchoolsFailure };

const same = (a: SchoolRecord, b: SchoolRecord) => a.name === b.name && a.regionCode === b.regionCode && a.district === b.district && a.rural === b.rural;

/** The schools reference list (issue #7): imported by a programme administrator, searched by anyone signed in. */
export function createSchoolsService(deps: SchoolsDependencies) {
	async function planOf(rows: readonly SchoolRow[]): Promise<SchoolPlan[]> {
		const existing = new Map((await deps.schools.byCodes(rows.map((row) => row.code))).map((school) => [school.code, school]));
		return rows.map((row) => {
			const before = existing.get(row.code);
			return { line: row.line, code: row.code, action: !before ? 'create' : same(before, row) ? 'unchanged' : 'update' };
		});
	}

	return {
		/**
		 * A dry run, or a file with any invalid row, writes nothing and reports every row; otherwise every row is
		 * created or updated in one transaction. Sending the same file again changes nothing.
		 */
		async importCsv(session: CurrentSession, input: { csv: string; dryRun: boolean }): Promise<Result<SchoolImportReport>> {
			const parsed = parseSchoolCsv(input.csv, deps.regions);
			if (!parsed.ok) return { ok: false, failure: { code: 'file-invalid', problem: parsed.problem, ...(parsed.missing ? { missing: parsed.missing } : {}) } };
			const plan = await planOf(parsed.rows);
			if (parsed.problems.length > 0 || input.dryRun) return { ok: true, value: { committed: false, plan, problems: parsed.problems } };
			const at = deps.now().toISOString();
			const changed = parsed.rows.filter((_, index) => plan[index]!.action !== 'unchanged');
			const audit: AuditEntry = {
				id: deps.newId(),
				at,
				actorAccountId: session.accountId,
				action: 'schools.imported',
				subjectPersonId: null,
				scopeKind: 'programme',
				scopeId: 'programme',
				details: { created: plan.filter((row) => row.action === 'create').length, updated: plan.filter((row) => row.action === 'update').length }
			};
			if (changed.length > 0) {
				await deps.schools.upsertAll(
					changed.map(({ code, name, regionCode, district, rural }) => ({ code, name, regionCode, district, rural })),
					at,
					audit
				);
			}
			return { ok: true, value: { committed: true, plan, problems: [] } };
		},

		async search(input: { regionCode?: string; query?: string }): Promise<SchoolRecord[]> {
			const query = input.query?.trim().slice(0, 100);
			return deps.schools.search({ regionCode: input.regionCode || undefined, query: query || undefined, limit: 50 });
		}
	};
}
