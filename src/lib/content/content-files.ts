// Build-time I/O edge of the content compiler: reads content/ from disk and writes packs. Never bundled for the browser.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { compileCourse, type CompileEnvironment, type CompiledCourse, type CourseSource } from './compile-course.ts';
import { compileQuest, type CompiledQuestFile } from './compile-quest.ts';
import type { ContentProblem } from './content-problem.ts';
import { CONTENT_LOCALES } from './course.schema.ts';
import type { Catalogue, LegalClaim } from './pack.types.ts';
import type { QuestCatalogue } from './quest.types.ts';
import { reportingChannelsSchema, type ReportingChannels } from './reporting-channels.schema.ts';

export const contentHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);

function listFiles(dir: string, prefix = ''): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]
	);
}

export function readCourseSource(root: string, courseDir: string): CourseSource {
	const absolute = path.join(root, courseDir);
	const documents: CourseSource['documents'] = new Map();
	const media: CourseSource['media'] = new Map();
	for (const file of listFiles(absolute)) {
		if (file.startsWith('media/')) media.set(file, readFileSync(path.join(absolute, file)));
		else if (file.endsWith('.yaml')) {
			try {
				documents.set(file, { data: parse(readFileSync(path.join(absolute, file), 'utf8')) });
			} catch (error) {
				documents.set(file, { error: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
			}
		}
	}
	return { dir: courseDir, documents, media };
}

function contentDirectories(root: string, kind: 'courses' | 'quests'): string[] {
	const dir = path.join(root, 'content', kind);
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => `content/${kind}/${entry.name}`)
		.sort();
}

export const courseDirectories = (root: string): string[] => contentDirectories(root, 'courses');
export const questDirectories = (root: string): string[] => contentDirectories(root, 'quests');

/** The review mark's words come from the app's messages, so they read the same as the rest of the UI. */
export function compileEnvironment(root: string): CompileEnvironment {
	const label = Object.fromEntries(
		CONTENT_LOCALES.map((locale) => {
			const messages = JSON.parse(readFileSync(path.join(root, `messages/${locale}.json`), 'utf8')) as Record<string, unknown>;
			return [locale, String(messages.content_legal_review_mark ?? '')];
		})
	) as CompileEnvironment['legalReviewLabel'];
	return {
		hash: contentHash,
		legalReviewLabel: label,
		appLink: (locale, page) => `/${locale}/${page}`,
		packUrl: (fileName) => `/packs/${fileName}`
	};
}

export interface ContentBuild {
	courses: CompiledCourse[];
	quests: CompiledQuestFile[];
	problems: ContentProblem[];
	catalogue: Catalogue;
	questCatalogue: QuestCatalogue;
	legalClaims: LegalClaim[];
	reportingChannels: ReportingChannels;
}

function readReportingChannels(root: string, problems: ContentProblem[]): ReportingChannels {
	const file = 'content/reporting-channels.yaml';
	if (!existsSync(path.join(root, file))) return { channels: [] };
	try {
		const result = reportingChannelsSchema.safeParse(parse(readFileSync(path.join(root, file), 'utf8')));
		if (result.success) return result.data;
		for (const issue of result.error.issues) problems.push({ file, field: issue.path.join('.'), reason: issue.message });
	} catch (error) {
		problems.push({ file, field: '', reason: `not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : error}` });
	}
	return { channels: [] };
}

/** Compiles every course (or only those named) and every quest (or only those named: the ids share one list). */
export function compileAllContent(root: string, only?: readonly string[]): ContentBuild {
	const env = compileEnvironment(root);
	const courses: CompiledCourse[] = [];
	const problems: ContentProblem[] = [];
	for (const dir of courseDirectories(root)) {
		if (only?.length && !only.includes(path.basename(dir))) continue;
		const result = compileCourse(readCourseSource(root, dir), env);
		if (result.ok) courses.push(result.course);
		else problems.push(...result.problems);
	}
	problems.push(...sharedSessionIds(courses));
	const quests: CompiledQuestFile[] = [];
	const questDirs = questDirectories(root);
	// TAZA_CONTENT_COURSES names courses; quests are only filtered when it names one of them.
	const questFilter = only?.some((id) => questDirs.some((dir) => path.basename(dir) === id)) ? only : undefined;
	for (const dir of questDirs) {
		if (questFilter && !questFilter.includes(path.basename(dir))) continue;
		const result = compileQuest(readCourseSource(root, dir), env);
		if (result.ok) quests.push(result.quest);
		else problems.push(...result.problems);
	}
	const reportingChannels = readReportingChannels(root, problems);
	return {
		courses,
		quests,
		problems,
		catalogue: { format: 1, courses: courses.map((course) => course.catalogueEntry) },
		questCatalogue: { format: 1, quests: quests.map((quest) => quest.catalogueEntry) },
		legalClaims: [...courses.flatMap((course) => course.legalClaims), ...quests.flatMap((quest) => quest.legalClaims)],
		reportingChannels
	};
}

/** The facilitator pages address a guide by its session id alone, so two courses cannot both have a guide for one id. */
function sharedSessionIds(courses: readonly CompiledCourse[]): ContentProblem[] {
	const owner = new Map<string, string>();
	const problems: ContentProblem[] = [];
	for (const course of courses) {
		for (const session of course.facilitator?.catalogue.sessions ?? []) {
			const first = owner.get(session.id);
			if (first) {
				problems.push({
					file: `content/courses/${course.id}/facilitator/${session.id}.yaml`,
					field: 'session',
					reason: `course "${first}" already has a facilitator guide for session "${session.id}"`
				});
			} else owner.set(session.id, course.id);
		}
	}
	return problems;
}

/** Replaces the packs folder with this build's course and guide packs and catalogue, and the quests (packs/quests/) with theirs. */
export function writePacks(build: ContentBuild, packsDir: string): void {
	rmSync(packsDir, { recursive: true, force: true });
	mkdirSync(packsDir, { recursive: true });
	for (const course of build.courses) {
		for (const pack of [...course.packs, ...(course.facilitator?.packs ?? [])]) writeFileSync(path.join(packsDir, pack.fileName), pack.body);
	}
	writeFileSync(path.join(packsDir, 'catalogue.json'), JSON.stringify(build.catalogue));
	const questsDir = path.join(packsDir, 'quests');
	mkdirSync(questsDir, { recursive: true });
	for (const quest of build.quests) writeFileSync(path.join(questsDir, quest.fileName), quest.body);
	writeFileSync(path.join(questsDir, 'catalogue.json'), JSON.stringify(build.questCatalogue));
}
