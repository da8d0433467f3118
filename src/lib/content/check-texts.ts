import type { ContentProblem } from './content-problem.ts';
import type { ContentLocale, TextFile } from './course.schema.ts';
import { legalClaims } from './render-text.ts';
import type { TextKey } from './text-keys.ts';

/**
 * Checks the text files of one course, quest or course's facilitator guides against the keys its structure calls for:
 * missing, empty, unknown, a legal mark where none may go, a translation not stamped or stale against its source,
 * legal marks lost or added in translation. Courses, guides and quests share it, so a translator meets one set of rules.
 */
export function checkTexts(input: {
	dir: string;
	/** The course or quest id (a course's for its guides), for the stamp command in the message. */
	id: string;
	sourceLocale: ContentLocale;
	keys: ReadonlyMap<string, Pick<TextKey, 'kind' | 'required'>>;
	texts: ReadonlyMap<ContentLocale, TextFile>;
	hash: (text: string) => string;
	/** Why a key that is not called for is wrong, e.g. "no such lesson, block or option". */
	unknownReason: string;
}): ContentProblem[] {
	const { dir, id, sourceLocale, keys, texts, hash, unknownReason } = input;
	const problems: ContentProblem[] = [];
	const source = texts.get(sourceLocale);
	for (const [locale, file] of texts) {
		const path = `${dir}/text.${locale}.yaml`;
		for (const [key, { required, kind }] of keys) {
			const text = file.texts[key];
			if (text === undefined) {
				if (required) problems.push({ file: path, field: `texts.${key}`, reason: 'missing' });
				continue;
			}
			if (text.trim() === '') problems.push({ file: path, field: `texts.${key}`, reason: 'empty' });
			if (kind === 'plain' && legalClaims(text).length > 0) {
				problems.push({ file: path, field: `texts.${key}`, reason: 'a title or alt text cannot carry a [[law: …]] mark' });
			}
			const sourceText = source?.texts[key];
			if (locale !== sourceLocale && sourceText !== undefined) {
				const stamped = file.translatedFrom?.[key];
				if (stamped === undefined) {
					problems.push({ file: path, field: `texts.${key}`, reason: `not stamped as translated: run npm run content:stamp -- ${id} ${locale}` });
				} else if (stamped !== hash(sourceText)) {
					problems.push({ file: path, field: `texts.${key}`, reason: `stale: the ${sourceLocale} source changed since this was translated` });
				}
				if (legalClaims(sourceText).length !== legalClaims(text).length) {
					problems.push({
						file: path,
						field: `texts.${key}`,
						reason: `has ${legalClaims(text).length} [[law: …]] marks, the ${sourceLocale} source has ${legalClaims(sourceText).length}`
					});
				}
			}
		}
		for (const key of Object.keys(file.texts)) {
			if (!keys.has(key)) problems.push({ file: path, field: `texts.${key}`, reason: `unknown id: ${unknownReason}` });
		}
	}
	return problems;
}
