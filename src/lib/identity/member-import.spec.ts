import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS, parseMemberCsv } from './member-import';

describe('parseMemberCsv', () => {
	it('reads names and logins under Russian headers, with ; and a BOM, as Excel saves them', () => {
		const result = parseMemberCsv('\uFEFFФИО;Телефон\r\nАсель Токтогулова;0555 123 456\r\nНурлан Абдыкадыров;nurlan.a\r\n');
		expect(result).toEqual({
			ok: true,
			rows: [
				{ line: 2, displayName: 'Асель Токтогулова', login: { kind: 'phone', value: '+996555123456' } },
				{ line: 3, displayName: 'Нурлан Абдыкадыров', login: { kind: 'username', value: 'nurlan.a' } }
			],
			problems: []
		});
	});

	it('reports every bad row by its spreadsheet line and keeps the good ones apart', () => {
		const result = parseMemberCsv(
			['login,name,department', '0555123456,Айгүл,HR', ',Бакыт,HR', '12,Чолпон,IT', '+996 555 123 456,Динара,IT', 'ok.user,,IT'].join('\n')
		);
		expect(result.ok && result.rows.map((row) => row.line)).toEqual([2]);
		expect(result.ok && result.problems).toEqual([
			{ line: 3, problem: 'login-invalid', reason: 'empty' },
			{ line: 4, problem: 'login-invalid', reason: 'phone-invalid' },
			{ line: 5, problem: 'login-duplicate' },
			{ line: 6, problem: 'name-missing' }
		]);
	});

	it('handles quoted names with commas and skips blank lines', () => {
		const result = parseMemberCsv('name,login\n"Осмонов, Бакыт",bakyt.o\n\n  \n');
		expect(result.ok && result.rows).toEqual([{ line: 2, displayName: 'Осмонов, Бакыт', login: { kind: 'username', value: 'bakyt.o' } }]);
	});

	it('refuses files it cannot use, saying why', () => {
		expect(parseMemberCsv('')).toEqual({ ok: false, problem: 'empty' });
		expect(parseMemberCsv('name,email\nA,a@b.kg')).toEqual({ ok: false, problem: 'columns-missing' });
		expect(parseMemberCsv('name,login\n"unclosed,quote')).toEqual({ ok: false, problem: 'unreadable' });
		const tooMany = ['name,login', ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `P${i},user${i}x`)].join('\n');
		expect(parseMemberCsv(tooMany)).toEqual({ ok: false, problem: 'too-many-rows' });
	});

	it('flags over-long names', () => {
		const result = parseMemberCsv(`name,login\n${'А'.repeat(61)},long.name`);
		expect(result.ok && result.problems).toEqual([{ line: 2, problem: 'name-too-long' }]);
	});
});
