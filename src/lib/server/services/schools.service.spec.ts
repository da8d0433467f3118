import { afterEach, describe, expect, it } from 'vitest';
import { REGIONS } from '../db/reference-data';
import { servicesUnderTest, type ServicesUnderTest } from '../../../../tests/support/server-services';
import { createSchoolsRepo } from '../repos/schools.repo';
import { createSchoolsService } from './schools.service';

const open: ServicesUnderTest[] = [];
afterEach(() => open.splice(0).forEach((services) => services.close()));

function setup() {
	const services = servicesUnderTest();
	open.push(services);
	let n = 0;
	const schools = createSchoolsService({
		schools: createSchoolsRepo(services.handle.db),
		regions: REGIONS.map((region) => ({ code: region.code, names: [region.nameKy, region.nameRu, region.nameEn] })),
		newId: () => `audit-${++n}`,
		now: () => new Date('2026-11-27T08:00:00Z')
	});
	return { services, schools };
}

const admin = { sessionId: 's', accountId: 'admin-account', personId: 'admin-person', kind: 'profile' as const };
const CSV = 'Код школы;Название;Область;Район;Сельская\nN-014;СШ им. Т. Сатылганова;Нарынская область;Кочкорский;да\nB-001;Гимназия №5;город Бишкек;Ленинский;нет\n';

describe('the schools reference list', () => {
	it('plans on a dry run, writes all rows at once, and changes nothing when the same file comes again', async () => {
		const { services, schools } = setup();
		const dry = await schools.importCsv(admin, { csv: CSV, dryRun: true });
		expect(dry).toEqual({ ok: true, value: { committed: false, problems: [], plan: [{ line: 2, code: 'N-014', action: 'create' }, { line: 3, code: 'B-001', action: 'create' }] } });
		expect(services.count('schools')).toBe(0);

		expect((await schools.importCsv(admin, { csv: CSV, dryRun: false })).ok).toBe(true);
		expect(services.count('schools')).toBe(2);
		const audits = () => services.handle.sqlite.prepare("select count(*) from audit_log where action = 'schools.imported'").pluck().get();
		expect(audits()).toBe(1);
		const again = await schools.importCsv(admin, { csv: CSV.replace('Ленинский', 'Первомайский'), dryRun: false });
		expect(again.ok && again.value.plan.map((row) => row.action)).toEqual(['unchanged', 'update']);
		expect(await schools.search({ query: 'первомай' })).toEqual([{ code: 'B-001', name: 'Гимназия №5', regionCode: 'bishkek', district: 'Первомайский', rural: false }]);
		expect((await schools.search({ regionCode: 'naryn' })).map((school) => school.code)).toEqual(['N-014']);
		expect((await schools.importCsv(admin, { csv: CSV, dryRun: false })).ok).toBe(true);
		expect(audits()).toBe(3);
	});

	it('writes nothing when any row is wrong, and names the missing columns of a file it cannot read', async () => {
		const { services, schools } = setup();
		const bad = await schools.importCsv(admin, { csv: `${CSV}X-1;Без района;Нарынская область;;да\n`, dryRun: false });
		expect(bad).toEqual({ ok: true, value: { committed: false, problems: [{ line: 4, problem: 'district-missing' }], plan: expect.any(Array) } });
		expect(services.count('schools')).toBe(0);
		expect(await schools.importCsv(admin, { csv: 'name\nA', dryRun: true })).toEqual({
			ok: false,
			failure: { code: 'file-invalid', problem: 'columns-missing', missing: ['code', 'region', 'district', 'rural'] }
		});
	});
});
