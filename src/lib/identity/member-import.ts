/**
 * An organisation's member list as CSV: a header row, then one person per row with their name and login (phone or
 * username). Excel in Russian locales saves with ';', so the delimiter is detected. Every row is checked and every
 * problem is reported with its line, so an administrator can fix the whole file in one pass.
 */
import Papa from 'papaparse';
import { parseLogin, type Login, type LoginProblem } from './login';

export const MAX_IMPORT_ROWS = 2000;
export const MAX_NAME_LENGTH = 60;

/** Header names we recognise, in the three languages people will write them in. */
const NAME_HEADERS = ['name', 'full name', 'фио', 'ф.и.о.', 'имя', 'аты-жөнү', 'аты жөнү', 'аты'];
const LOGIN_HEADERS = ['login', 'phone', 'username', 'логин', 'телефон', 'номер телефона', 'телефон номери'];

export interface MemberRow {
	/** The line in the file (the header is line 1), as a spreadsheet shows it. */
	line: number;
	displayName: string;
	login: Login;
}

export type RowProblem =
	| { line: number; problem: 'name-missing' | 'name-too-long' | 'login-duplicate' }
	| { line: number; problem: 'login-invalid'; reason: LoginProblem };

export type FileProblem = 'empty' | 'columns-missing' | 'too-many-rows' | 'unreadable';

export type MemberImport = { ok: true; rows: MemberRow[]; problems: RowProblem[] } | { ok: false; problem: FileProblem };

const headerKey = (cell: string) => cell.trim().toLowerCase().replace(/\s+/g, ' ');

export function parseMemberCsv(text: string): MemberImport {
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
	if (parsed.errors.some((error) => error.type === 'Quotes')) return { ok: false, problem: 'unreadable' };
	const [header, ...records] = parsed.data;
	if (!header) return { ok: false, problem: 'empty' };
	const keys = header.map(headerKey);
	const nameColumn = keys.findIndex((key) => NAME_HEADERS.includes(key));
	const loginColumn = keys.findIndex((key) => LOGIN_HEADERS.includes(key));
	if (nameColumn < 0 || loginColumn < 0) return { ok: false, problem: 'columns-missing' };
	if (records.length > MAX_IMPORT_ROWS) return { ok: false, problem: 'too-many-rows' };

	const rows: MemberRow[] = [];
	const problems: RowProblem[] = [];
	const seenLogins = new Set<string>();
	records.forEach((record, index) => {
		const line = index + 2;
		const displayName = (record[nameColumn] ?? '').trim().replace(/\s+/g, ' ');
		const login = parseLogin(record[loginColumn] ?? '');
		if (displayName === '') problems.push({ line, problem: 'name-missing' });
		else if ([...displayName].length > MAX_NAME_LENGTH) problems.push({ line, problem: 'name-too-long' });
		else if ('problem' in login) problems.push({ line, problem: 'login-invalid', reason: login.problem });
		else if (seenLogins.has(login.value)) problems.push({ line, problem: 'login-duplicate' });
		else {
			seenLogins.add(login.value);
			rows.push({ line, displayName, login });
		}
	});
	return { ok: true, rows, problems };
}
