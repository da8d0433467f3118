import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { TazaDatabase } from '../db/connection';
import { auditLog, schools } from '../db/schema';
import type { AuditEntry } from './accounts.repo';

export type SchoolRecord = Omit<typeof schools.$inferSelect, 'createdAt' | 'updatedAt'>;

export function createSchoolsRepo(db: TazaDatabase) {
	return {
		async byCodes(codes: readonly string[]): Promise<SchoolRecord[]> {
			if (codes.length === 0) return [];
			const found: SchoolRecord[] = [];
			// SQLite limits bound parameters: ask in slices.
			for (let start = 0; start < codes.length; start += 500) {
				found.push(
					...db
						.select({ code: schools.code, name: schools.name, regionCode: schools.regionCode, district: schools.district, rural: schools.rural })
						.from(schools)
						.where(inArray(schools.code, codes.slice(start, start + 500)))
						.all()
				);
			}
			return found;
		},

		/** Creates or updates every row, with one audit entry, in one transaction: an import is all or nothing. */
		async upsertAll(rows: readonly SchoolRecord[], at: string, audit: AuditEntry): Promise<void> {
			db.transaction((tx) => {
				for (const row of rows) {
					tx.insert(schools)
						.values({ ...row, createdAt: at, updatedAt: at })
						.onConflictDoUpdate({ target: schools.code, set: { name: row.name, regionCode: row.regionCode, district: row.district, rural: row.rural, updatedAt: at } })
						.run();
				}
				tx.insert(auditLog).values(audit).run();
			});
		},

		/** Schools for a picker: by region, and by a piece of the name, district or code (case-folded, Cyrillic too). */
		async search(input: { regionCode?: string; query?: string; limit: number }): Promise<SchoolRecord[]> {
			const conditions = [];
			if (input.regionCode) conditions.push(eq(schools.regionCode, input.regionCode));
			if (input.query) {
				const pattern = `%${input.query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
				conditions.push(
					or(
						sql`fold_case(${schools.name}) like fold_case(${pattern}) escape '\\'`,
						sql`fold_case(${schools.district}) like fold_case(${pattern}) escape '\\'`,
						sql`fold_case(${schools.code}) like fold_case(${pattern}) escape '\\'`
					)
				);
			}
			return db
				.select({ code: schools.code, name: schools.name, regionCode: schools.regionCode, district: schools.district, rural: schools.rural })
				.from(schools)
				.where(conditions.length ? and(...conditions) : undefined)
				.orderBy(asc(schools.regionCode), asc(schools.district), asc(schools.name))
				.limit(input.limit)
				.all();
		}
	};
}

export type SchoolsRepo = ReturnType<typeof createSchoolsRepo>;
