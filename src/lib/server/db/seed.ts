import { sql } from 'drizzle-orm';
import type { TazaDatabase } from './connection';
import { PROGRAMME_TARGETS, REGIONS } from './reference-data';
import { appMeta, programmeTargets, regions } from './schema';

/** Bump when REGIONS or PROGRAMME_TARGETS change, so every server rewrites them once at its next start. */
export const REFERENCE_DATA_VERSION = '1';

/**
 * Writes the reference data (regions, programme targets) in one transaction, once per REFERENCE_DATA_VERSION.
 * Upserts, so a row edited in code is corrected and rows other tables point at are never deleted.
 */
export function seedReferenceData(db: TazaDatabase): { written: boolean } {
	return db.transaction((tx) => {
		const current = tx.select().from(appMeta).where(sql`${appMeta.key} = 'reference_data_version'`).get();
		if (current?.value === REFERENCE_DATA_VERSION) return { written: false };
		for (const region of REGIONS) {
			tx.insert(regions)
				.values(region)
				.onConflictDoUpdate({
					target: regions.code,
					set: { nameKy: region.nameKy, nameRu: region.nameRu, nameEn: region.nameEn, sortOrder: region.sortOrder }
				})
				.run();
		}
		for (const target of PROGRAMME_TARGETS) {
			tx.insert(programmeTargets)
				.values(target)
				.onConflictDoUpdate({
					target: programmeTargets.code,
					set: { measure: target.measure, target: target.target, year: target.year }
				})
				.run();
		}
		tx.insert(appMeta)
			.values({ key: 'reference_data_version', value: REFERENCE_DATA_VERSION })
			.onConflictDoUpdate({ target: appMeta.key, set: { value: REFERENCE_DATA_VERSION } })
			.run();
		return { written: true };
	});
}
