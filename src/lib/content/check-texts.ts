import type { ContentProblem } from './content-problem.ts';
import type { ContentLocale, TextFile } from './course.schema.ts';
import { legalClaims } from './render-text.ts';
import type { TextKey } from './text-keys.ts';

/** Where a set of text files sits and what it is translated from: a course's, or its facilitator guides'. */
export interface TextFileSet {
	/** The folder holding `text.<locale>.yaml`, to name files in problems. */
	dir: string;
	courseId: string;
	sourceLocale: ContentLocale;
	/** Words for an unknown key: what the structure has no such thing of. */
	unknownReason: string;
}

/**
 * Checks every locale's texts against the keys the structure calls for: missing, empty, unknown, not stamped or stale
 * against the source locale, and `[[law: …]]` marks lost in translation or put where they cannot show.
 */
export function checkTexts(
	set: TextFileSet,
	keys: ReadonlyMap<string, TextKey>,
	texts: ReadonlyMap<ContentLocale, TextFile>,
	hash: (text: string) => string
): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const source = texts.get(set.sourceLocale);
	for (const [locale, file] of texts) {
		const path = `${set.dir}/text.${locale}.yaml`;
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
			if (locale !== set.sourceLocale && sourceText !== undefined) {
				const stamped = file.translatedFrom?.[key];
				if (stamped === undefined) {
					problems.push({ file: path, field: `texts.${key}`, reason: `not stamped as translated: run npm run content:stamp -- ${set.courseId} ${locale}` });
				} else if (stamped !== hash(sourceText)) {
					problems.push({ file: path, field: `texts.${key}`, reason: `stale: the ${set.sourceLocale} source changed since this was translated` });
				}
				if (legalClaims(sourceText).length !== legalClaims(text).length) {
					problems.push({
						file: path,
						field: `texts.${key}`,
						reason: `has ${legalClaims(text).length} [[law: …]] marks, the ${set.sourceLocale} source has ${legalClaims(sourceText).length}`
					});
				}
			}
		}
		for (const key of Object.keys(file.texts)) {
			if (!keys.has(key)) problems.push({ file: path, field: `texts.${key}`, reason: set.unknownReason });
		}
	}
	return problems;
}
