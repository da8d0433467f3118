// npm run content:check [-- id …]          validate content, print every problem (exit 1 when any)
// npm run content:stamp -- <id> <locale>    record that a locale's texts (a course's and its facilitator guides', or a quest's)
//                                           are translated from the current source
// npm run content:stats                     per course and locale: lessons, blocks, questions, pack size;
//                                           per course with facilitator guides and locale: guides, steps, questions, minutes, pack size;
//                                           per quest: nodes, decision points, endings, paths, texts per locale
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { describeProblems } from '../src/lib/content/content-problem';
import { compileAllContent, contentHash } from '../src/lib/content/content-files';
import { CONTENT_LOCALES } from '../src/lib/content/course.schema';
import { QUEST_PATH_BUDGET } from '../src/lib/content/quest-paths';

const root = path.resolve(import.meta.dirname, '..');
const [command, ...args] = process.argv.slice(2);

function check(only: string[]): void {
	const build = compileAllContent(root, only);
	if (build.problems.length > 0) {
		console.error(describeProblems(build.problems));
		console.error(`\n${build.problems.length} problem(s)`);
		process.exit(1);
	}
	console.log(`content OK: ${build.courses.map((course) => course.id).join(', ') || 'no courses'}`);
	console.log(`quests OK: ${build.quests.map((quest) => `${quest.id} (${quest.walk.paths} paths)`).join(', ') || 'no quests'}`);
}

function stamp(courseId: string | undefined, locale: string | undefined): void {
	if (!courseId || !locale || !(CONTENT_LOCALES as readonly string[]).includes(locale)) {
		console.error('usage: npm run content:stamp -- <course-or-quest-id> <ky|ru|en>');
		process.exit(2);
	}
	const isQuest = existsSync(path.join(root, 'content/quests', courseId, 'quest.yaml'));
	const dir = path.join(root, isQuest ? 'content/quests' : 'content/courses', courseId);
	const course = parseDocument(readFileSync(path.join(dir, isQuest ? 'quest.yaml' : 'course.yaml'), 'utf8')).toJS() as {
		sourceLocale?: string;
	};
	if (course.sourceLocale === locale) {
		console.error(`${locale} is the source locale of ${courseId}: there is nothing to stamp`);
		process.exit(2);
	}
	// The course's texts, and its facilitator guides' texts when it has them: both translate from the same source locale.
	for (const folder of [dir, path.join(dir, 'facilitator')]) {
		if (!existsSync(path.join(folder, `text.${locale}.yaml`))) continue;
		const count = stampFile(path.join(folder, `text.${course.sourceLocale}.yaml`), path.join(folder, `text.${locale}.yaml`));
		console.log(`stamped ${count} texts of ${path.relative(root, folder)} (${locale}) as translated from ${course.sourceLocale}`);
	}
}

function stampFile(sourcePath: string, targetPath: string): number {
	const source = parseDocument(readFileSync(sourcePath, 'utf8')).toJS() as { texts: Record<string, string> };
	const target = parseDocument(readFileSync(targetPath, 'utf8'));
	const texts = (target.toJS() as { texts?: Record<string, string> }).texts ?? {};
	const stamps: Record<string, string> = {};
	for (const key of Object.keys(texts)) {
		const sourceText = source.texts[key];
		if (sourceText !== undefined) stamps[key] = contentHash(sourceText);
	}
	// Keep the translator's file as written (comments, block scalars); only translatedFrom is rewritten, first.
	target.delete('translatedFrom');
	const stamped = parseDocument(`translatedFrom: {}\n`);
	stamped.set('translatedFrom', stamps);
	writeFileSync(targetPath, `${stamped.toString({ lineWidth: 0 })}${target.toString({ lineWidth: 0 })}`);
	return Object.keys(stamps).length;
}

function stats(): void {
	const build = compileAllContent(root);
	const rows = build.courses.flatMap((course) =>
		CONTENT_LOCALES.map((locale) => {
			const c = course.counts[locale];
			return [course.id, locale, String(c.lessons), String(c.blocks), String(c.questions), `${(c.bytes / 1024).toFixed(1)} KiB`];
		})
	);
	printTable(['course', 'locale', 'lessons', 'blocks', 'questions', 'pack'], rows);
	const guideRows = build.courses.flatMap((course) =>
		CONTENT_LOCALES.flatMap((locale) => {
			const c = course.facilitator?.counts[locale];
			return c ? [[course.id, locale, String(c.guides), String(c.steps), String(c.questions), String(c.minutes), `${(c.bytes / 1024).toFixed(1)} KiB`]] : [];
		})
	);
	if (guideRows.length > 0) {
		console.log('\nfacilitator guides (trainers\' packs)');
		printTable(['course', 'locale', 'guides', 'steps', 'questions', 'minutes', 'pack'], guideRows);
	}
	const questRows = build.quests.flatMap((quest) => {
		const { nodes, decisions, endings, paths, longestPlay } = quest.quest.stats;
		return CONTENT_LOCALES.map((locale) => [
			quest.id,
			locale,
			String(nodes),
			String(decisions),
			String(endings),
			String(paths),
			String(longestPlay),
			String(quest.textCounts[locale]),
			`${(Buffer.byteLength(quest.body) / 1024).toFixed(1)} KiB`
		]);
	});
	console.log('');
	printTable(['quest', 'locale', 'nodes', 'decision points', 'endings', 'paths', 'longest play', 'texts', 'file (all locales)'], questRows);
	console.log(`(path budget per quest: ${QUEST_PATH_BUDGET})`);
	console.log(`\n${build.legalClaims.length} legal statements marked for a lawyer's review`);
	if (build.problems.length > 0) {
		console.error(`\n${describeProblems(build.problems)}`);
		process.exit(1);
	}
}

function printTable(header: string[], rows: string[][]): void {
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
	const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
	console.log(line(header));
	for (const row of rows) console.log(line(row));
}

if (command === 'check') check(args);
else if (command === 'stamp') stamp(args[0], args[1]);
else if (command === 'stats') stats();
else {
	console.error('usage: content-cli.ts check|stamp|stats');
	process.exit(2);
}
