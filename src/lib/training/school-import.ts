/**
 * The schools reference list as CSV, imported by a programme administrator: one school per row with its code, name,
 * region, district and whether it is rural. "Teachers of rural schools" is counted from this, never guessed from free
 * text (DESIGN §6). Like the member import: the delimiter is detected, headers may be ky, ru or en, and every problem
 * is reported with the spreadsheet's line so the whole file can be fixed in one pass.
 */
import Papa from 'papaparse';

export const MAX_SCHOOL_ROWS = 5000;
export const MAX_SCHOOL_NAME_LENGTH = 200;

const HEADERS = {
	code: ['code', 'school code', 'код', 'код школы', 'мектептин коду', 'коду'],
	name: ['name', 'school', 'school name', 'название', 'школа', 'название школы', 'мектеп', 'мектептин аталышы', 'аталышы'],
	region: ['region', 'oblast', 'область', 'регион', 'облус', 'аймак'],
	district: ['district', 'район', 'раён', 'район/город'],
	rural: ['rural', 'rural school', 'сельская', 'сельская школа', 'село', 'айыл', 'айылдык', 'айылдык мектеп']
} as const;

const YES = ['yes', 'y', 'true', '1', 'да', 'д', 'ооба', 'сельская', 'айылдык', 'rural'];
const NO = ['no', 'n', 'false', '0', 'нет', 'н', 'жок', 'городская', 'шаардык', 'urban'];

/** A region as the import may name it: its code or its name in any of the three languages. */
export interface RegionName {
	code: string;
	names: string[];
}

export interface SchoolRow {
	line: number;
	code: string;
	name: string;
	regionCode: string;
	district: string;
	rural: boolean;
}

export type SchoolRowProblem = { line: number; problem: 'code-missing' | 'code-invalid' | 'code-duplicate' | 'name-missing' | 'name-too-long' | 'region-unknown' | 'district-missing' | 'rural-unclear' };
export type SchoolFileProblem = 'empty' | 'columns-missing' | 'too-many-rows' | 'unreadable';
export type SchoolImport = { ok: true; rows: SchoolRow[]; problems: SchoolRowProblem[] } | { ok: false; problem: SchoolFileProblem; missing?: string[] };

const normalise = (cell: string) => cell.trim().toLowerCase().replace(/\s+/g, ' ').replace(/ё/g, 'е');

export function parseSchoolCsv(text: string, regions: readonly RegionName[]): SchoolImport {
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
	if (parsed.errors.some((error) => error.type === 'Quotes')) return { ok: false, problem: 'unreadable' };
	const [header, ...records] = parsed.data;
	if (!header) return { ok: false, problem: 'empty' };
	const keys = header.map(normalise);
	const column = Object.fromEntries(Object.entries(HEADERS).map(([field, names]) => [field, keys.findIndex((key) => (names as readonly string[]).includes(key))])) as Record<keyof typeof HEADERS, number>;
	const missing = Object.entries(column).filter(([, index]) => index < 0).map(([field]) => field);
	if (missing.length > 0) return { ok: false, problem: 'columns-missing', missing };
	if (records.length > MAX_SCHOOL_ROWS) return { ok: false, problem: 'too-many-rows' };

	const regionByName = new Map<string, string>();
	for (const region of regions) for (const name of [region.code, ...region.names]) regionByName.set(normalise(name), region.code);
	const rows: SchoolRow[] = [];
	const problems: SchoolRowProblem[] = [];
	const seen = new Set<string>();
	records.forEach((record, index) => {
		const line = index + 2;
		const cell = (field: keyof typeof HEADERS) => (record[column[field]] ?? '').trim().replace(/\s+/g, ' ');
		const code = cell('code');
		const name = cell('name');
		const regionCode = regionByName.get(normalise(cell('region')));
		const district = cell('district');
		const rural = normalise(cell('rural'));
		const problem: SchoolRowProblem['problem'] | undefined =
			code === '' ? 'code-missing'
			: !/^[\p{L}\p{N}._/-]{1,40}$/u.test(code) ? 'code-invalid'
			: seen.has(code) ? 'code-duplicate'
			: name === '' ? 'name-missing'
			: [...name].length > MAX_SCHOOL_NAME_LENGTH ? 'name-too-long'
			: regionCode === undefined ? 'region-unknown'
			: district === '' ? 'district-missing'
			: !YES.includes(rural) && !NO.includes(rural) ? 'rural-unclear'
			: undefined;
		if (problem) {
			problems.push({ line, problem });
			return;
		}
		seen.add(code);
		rows.push({ line, code, name, regionCode: regionCode!, district, rural: YES.includes(rural) });
	});
	return { ok: true, rows, problems };
}
