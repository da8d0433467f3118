import { describe, expect, it } from 'vitest';
import { parseSchoolCsv } from './school-import';

const REGIONS = [
	{ code: 'naryn', names: ['Нарын облусу', 'Нарынская область', 'Naryn region'] },
	{ code: 'osh', names: ['Ош облусу', 'Ошская область', 'Osh region'] }
];

describe('the schools CSV', () => {
	it('reads Russian headers with ";", region names in any language, and yes/no words in three languages', () => {
		const csv = '\uFEFFКод школы;Название;Область;Район;Сельская\nN-014;СШ им. Т. Сатылганова;Нарынская область;Кочкорский;да\nO-201;Гимназия №5;osh;Кара-Суу;жок\n';
		expect(parseSchoolCsv(csv, REGIONS)).toEqual({
			ok: true,
			problems: [],
			rows: [
				{ line: 2, code: 'N-014', name: 'СШ им. Т. Сатылганова', regionCode: 'naryn', district: 'Кочкорский', rural: true },
				{ line: 3, code: 'O-201', name: 'Гимназия №5', regionCode: 'osh', district: 'Кара-Суу', rural: false }
			]
		});
	});

	it('reports every bad row with its line and keeps the good ones; a file without the columns is refused whole', () => {
		const csv = [
			'code,name,region,district,rural',
			'N-1,Ak-Tal school,Naryn region,Ak-Tala,yes',
			',No code,Naryn region,Ak-Tala,yes',
			'N-1,Again,Naryn region,Ak-Tala,yes',
			'N-3,Far away,Mars,Crater,yes',
			'N-4,Unsure,Naryn region,Ak-Tala,maybe',
			'N-5,No district,Naryn region,,no'
		].join('\n');
		const result = parseSchoolCsv(csv, REGIONS);
		expect(result.ok && result.rows.map((row) => row.code)).toEqual(['N-1']);
		expect(result.ok && result.problems).toEqual([
			{ line: 3, problem: 'code-missing' },
			{ line: 4, problem: 'code-duplicate' },
			{ line: 5, problem: 'region-unknown' },
			{ line: 6, problem: 'rural-unclear' },
			{ line: 7, problem: 'district-missing' }
		]);
		expect(parseSchoolCsv('name,region\nA,osh', REGIONS)).toEqual({ ok: false, problem: 'columns-missing', missing: ['code', 'district', 'rural'] });
		expect(parseSchoolCsv('', REGIONS)).toEqual({ ok: false, problem: 'empty' });
	});
});
