import { checkTexts } from './check-texts.ts';
import type { CompileEnvironment } from './compile-course.ts';
import type { ContentProblem } from './content-problem.ts';
import {
	CONTENT_LOCALES,
	textFileSchema,
	type AssignmentStructure,
	type ContentLocale,
	type CourseStructure,
	type LessonStructure,
	type TextFile
} from './course.schema.ts';
import { facilitatorGuideSchema, type FacilitatorGuideStructure } from './facilitator.schema.ts';
import type { CatalogueFacilitator, FacilitatorGuide, FacilitatorPack, LegalClaim } from './pack.types.ts';
import { parseDocument, type CourseSource } from './parse-document.ts';
import { legalClaims, renderText } from './render-text.ts';
import { facilitatorTextKeys, type TextKey } from './text-keys.ts';
import { duplicates } from './validate-structure.ts';

const FOLDER = 'facilitator';

export interface CompiledFacilitator {
	packs: { locale: ContentLocale; fileName: string; body: string }[];
	catalogue: CatalogueFacilitator;
	legalClaims: LegalClaim[];
	counts: Record<ContentLocale, { guides: number; steps: number; questions: number; minutes: number; bytes: number }>;
}

export type FacilitatorResult = { ok: true; compiled?: CompiledFacilitator } | { ok: false; problems: ContentProblem[] };

export interface FacilitatorInput {
	source: CourseSource;
	course: CourseStructure;
	lessons: readonly LessonStructure[];
	assignment?: AssignmentStructure;
	/** The course's own text keys and texts: the guide pack carries the titles and the assignment from them. */
	courseKeys: ReadonlyMap<string, TextKey>;
	courseTexts: ReadonlyMap<ContentLocale, TextFile>;
	env: CompileEnvironment;
}

const isTextFile = (path: string) => /^facilitator\/text\.[a-z]+\.yaml$/.test(path);

/**
 * Validates a course's facilitator guides (`facilitator/`) and compiles one trainer pack per locale. A course without
 * the folder has no guides; a course with it needs a guide for every lesson, and only for its lessons.
 */
export function compileFacilitator(input: FacilitatorInput): FacilitatorResult {
	const { source, course, lessons } = input;
	const paths = [...source.documents.keys()].filter((path) => path.startsWith(`${FOLDER}/`));
	if (paths.length === 0) return { ok: true };
	const dir = `${source.dir}/${FOLDER}`;
	const problems: ContentProblem[] = [];

	const bySession = new Map<string, FacilitatorGuideStructure>();
	const unparsed = new Set<string>();
	for (const path of paths.filter((path) => !isTextFile(path)).sort()) {
		const name = path.slice(FOLDER.length + 1).replace(/\.yaml$/, '');
		const guide = parseDocument(source, path, facilitatorGuideSchema, problems);
		if (!guide) {
			unparsed.add(name);
			continue;
		}
		problems.push(...checkGuide(guide, name, `${source.dir}/${path}`, lessons));
		bySession.set(guide.session, guide);
	}
	for (const lessonId of course.lessons) {
		// A guide file that does not parse has been reported already: it is not also "missing".
		if (!bySession.has(lessonId) && !unparsed.has(lessonId)) {
			problems.push({ file: dir, field: '', reason: `lesson "${lessonId}" has no facilitator guide: add ${FOLDER}/${lessonId}.yaml` });
		}
	}
	if (problems.length > 0) return { ok: false, problems };

	// Guides in the order participants take the lessons.
	const guides = course.lessons.map((lessonId) => bySession.get(lessonId)!);
	const keys = facilitatorTextKeys(guides);
	const texts = new Map<ContentLocale, TextFile>();
	for (const locale of CONTENT_LOCALES) {
		const text = parseDocument(source, `${FOLDER}/text.${locale}.yaml`, textFileSchema, problems);
		if (text) texts.set(locale, text);
	}
	problems.push(
		...checkTexts({
			dir,
			id: course.id,
			sourceLocale: course.sourceLocale,
			keys,
			texts,
			hash: input.env.hash,
			unknownReason: 'no such guide, step, material, question, pitfall or adaptation'
		})
	);
	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, compiled: buildFacilitatorPacks(input, guides, keys, texts) };
}

/** One guide's structure: named after its session, a session of this course, minutes that add up, local ids unique. */
function checkGuide(
	guide: FacilitatorGuideStructure,
	name: string,
	file: string,
	lessons: readonly LessonStructure[]
): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const problem = (field: string, reason: string) => problems.push({ file, field, reason });
	if (guide.session !== name) problem('session', `must be "${name}", the file's name`);
	const lesson = lessons.find((candidate) => candidate.id === guide.session);
	if (!lesson) problem('session', `unknown session "${guide.session}": not a lesson in course.yaml`);
	else if (lesson.minutes !== guide.minutes) {
		problem('minutes', `the guide runs ${guide.minutes} minutes, lesson "${lesson.id}" says ${lesson.minutes}`);
	}

	const stepMinutes = guide.steps.reduce((sum, step) => sum + step.minutes, 0);
	if (stepMinutes !== guide.minutes) problem('steps', `the steps add up to ${stepMinutes} minutes, the session has ${guide.minutes}`);

	const lists: [string, string[]][] = [
		['materials', guide.materials],
		['steps', guide.steps.map((step) => step.id)],
		['pitfalls', guide.pitfalls],
		['noProjector', guide.noProjector]
	];
	for (const [field, ids] of lists) for (const duplicate of duplicates(ids)) problem(field, `"${duplicate}" appears twice`);

	guide.steps.forEach((step, index) => {
		for (const duplicate of duplicates(step.questions)) problem(`steps[${index}].questions`, `"${duplicate}" appears twice`);
		if (!lesson) return;
		for (const blockId of step.lessonBlocks) {
			if (!lesson.blocks.some((block) => block.id === blockId)) {
				problem(`steps[${index}].lessonBlocks`, `block "${blockId}" is not in lesson "${lesson.id}"`);
			}
		}
	});
	return problems;
}

/** Course texts a trainer's pack carries: the titles, and the practical assignment they accept or return. */
const carriedCourseKey = (key: string) =>
	key === 'title' || key === 'summary' || key.startsWith('lesson.') || key.startsWith('assignment.');

function buildFacilitatorPacks(
	input: FacilitatorInput,
	guides: readonly FacilitatorGuideStructure[],
	keys: ReadonlyMap<string, TextKey>,
	texts: ReadonlyMap<ContentLocale, TextFile>
): CompiledFacilitator {
	const { course, lessons, assignment, courseKeys, courseTexts, env } = input;
	const packGuides: FacilitatorGuide[] = guides.map((guide) => {
		const blocks = lessons.find((lesson) => lesson.id === guide.session)?.blocks ?? [];
		return {
			session: guide.session,
			minutes: guide.minutes,
			materials: guide.materials,
			steps: guide.steps.map((step) => ({
				id: step.id,
				minutes: step.minutes,
				format: step.format,
				questions: step.questions,
				screens: step.lessonBlocks.map((blockId) => blocks.findIndex((block) => block.id === blockId) + 1)
			})),
			pitfalls: guide.pitfalls,
			noProjector: guide.noProjector
		};
	});
	const carried = [...courseKeys].filter(([key]) => carriedCourseKey(key));
	const version = env.hash(
		JSON.stringify([
			packGuides,
			assignment ?? null,
			CONTENT_LOCALES.map((locale) => [texts.get(locale)?.texts, carried.map(([key]) => courseTexts.get(locale)?.texts[key])])
		])
	);

	const claims: LegalClaim[] = [];
	const packs: CompiledFacilitator['packs'] = [];
	const counts = {} as CompiledFacilitator['counts'];
	const locales = {} as CatalogueFacilitator['locales'];
	for (const locale of CONTENT_LOCALES) {
		const render = (text: string, kind: TextKey['kind']) =>
			renderText(text, { kind, appLink: (page) => env.appLink(locale, page), legalReviewLabel: env.legalReviewLabel[locale] });
		const rendered: Record<string, string> = {};
		for (const [key, { kind, lessonId }] of keys) {
			const text = texts.get(locale)?.texts[key];
			if (text === undefined) continue;
			for (const claim of legalClaims(text)) claims.push({ courseId: course.id, lessonId, locale, key: `${FOLDER}/${key}`, text: claim });
			rendered[key] = render(text, kind);
		}
		for (const [key, { kind }] of carried) {
			const text = courseTexts.get(locale)?.texts[key];
			if (text !== undefined) rendered[key] = render(text, kind);
		}
		const pack: FacilitatorPack = {
			format: 1,
			kind: 'facilitator',
			courseId: course.id,
			locale,
			version,
			guides: packGuides,
			...(assignment ? { assignment } : {}),
			texts: rendered
		};
		const body = JSON.stringify(pack);
		const fileName = `${course.id}.${FOLDER}.${locale}.${env.hash(body)}.json`;
		packs.push({ locale, fileName, body });
		const bytes = Buffer.byteLength(body);
		counts[locale] = {
			guides: packGuides.length,
			steps: packGuides.reduce((sum, guide) => sum + guide.steps.length, 0),
			questions: packGuides.reduce((sum, guide) => sum + guide.steps.reduce((inner, step) => inner + step.questions.length, 0), 0),
			minutes: packGuides.reduce((sum, guide) => sum + guide.minutes, 0),
			bytes
		};
		locales[locale] = { pack: env.packUrl(fileName), bytes };
	}
	return {
		packs,
		legalClaims: claims,
		counts,
		catalogue: { version, sessions: packGuides.map((guide) => ({ id: guide.session, minutes: guide.minutes })), locales }
	};
}
