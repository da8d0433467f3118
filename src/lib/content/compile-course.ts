import { checkTexts } from './check-texts.ts';
import { compileFacilitator, type CompiledFacilitator } from './compile-facilitator.ts';
import type { ContentProblem } from './content-problem.ts';
import {
	assignmentSchema,
	bankSchema,
	CONTENT_LOCALES,
	courseSchema,
	lessonSchema,
	textFileSchema,
	type AssignmentStructure,
	type BankQuestionStructure,
	type ContentLocale,
	type CourseStructure,
	type LessonStructure,
	type TextFile
} from './course.schema.ts';
import type { CatalogueCourse, CoursePack, LegalClaim, PackLesson } from './pack.types.ts';
import { legalClaims, renderText } from './render-text.ts';
import { expectedTextKeys } from './text-keys.ts';
import { parseDocument, type CourseSource } from './parse-document.ts';
import { checkAssignment, checkCourseStructure, SCORED_TYPES } from './validate-structure.ts';

export type { CourseSource } from './parse-document.ts';

export interface CompileEnvironment {
	/** A short, stable content hash (hex). */
	hash: (text: string) => string;
	/** Per locale: the review mark's words, and where `taza:` links point. */
	legalReviewLabel: Record<ContentLocale, string>;
	appLink: (locale: ContentLocale, page: string) => string;
	/** The URL a pack file is served from. */
	packUrl: (fileName: string) => string;
}

export interface CompiledCourse {
	id: string;
	packs: { locale: ContentLocale; fileName: string; body: string }[];
	catalogueEntry: CatalogueCourse;
	legalClaims: LegalClaim[];
	counts: Record<ContentLocale, { lessons: number; blocks: number; questions: number; bytes: number }>;
	/** The facilitator guides' packs and figures, when the course has guides. */
	facilitator?: CompiledFacilitator;
}

export type CompileResult = { ok: true; course: CompiledCourse } | { ok: false; problems: ContentProblem[] };

const MEDIA_TYPES: Record<string, string> = {
	svg: 'image/svg+xml',
	png: 'image/png',
	webp: 'image/webp',
	jpg: 'image/jpeg',
	mp3: 'audio/mpeg',
	ogg: 'audio/ogg',
	webm: 'video/webm',
	mp4: 'video/mp4'
};

function dataUrl(path: string, bytes: Uint8Array): string {
	const type = MEDIA_TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream';
	return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** Validates one course folder and, when it is sound, compiles a pack per locale. */
export function compileCourse(source: CourseSource, env: CompileEnvironment): CompileResult {
	const problems: ContentProblem[] = [];
	const course = parseDocument(source, 'course.yaml', courseSchema, problems);
	if (!course) return { ok: false, problems };

	const lessonFiles = [...source.documents.keys()].filter((path) => path.startsWith('lessons/'));
	for (const path of lessonFiles) {
		const id = path.replace(/^lessons\//, '').replace(/\.yaml$/, '');
		if (!course.lessons.includes(id)) {
			problems.push({ file: `${source.dir}/${path}`, field: '', reason: `lesson "${id}" is not listed in course.yaml` });
		}
	}
	const lessons: { file: string; field: string; item: LessonStructure }[] = [];
	course.lessons.forEach((lessonId, index) => {
		const path = `lessons/${lessonId}.yaml`;
		if (!source.documents.has(path)) {
			problems.push({ file: `${source.dir}/course.yaml`, field: `lessons[${index}]`, reason: `unknown lesson: ${path} does not exist` });
			return;
		}
		const lesson = parseDocument(source, path, lessonSchema, problems);
		if (!lesson) return;
		if (lesson.id !== lessonId) {
			problems.push({ file: `${source.dir}/${path}`, field: 'id', reason: `must be "${lessonId}", the file's name` });
		}
		lessons.push({ file: `${source.dir}/${path}`, field: '', item: lesson });
	});

	let bank: BankQuestionStructure[] = [];
	if (source.documents.has('bank.yaml')) {
		bank = parseDocument(source, 'bank.yaml', bankSchema, problems)?.questions ?? [];
	}
	let assignment: AssignmentStructure | undefined;
	if (source.documents.has('assignment.yaml')) {
		assignment = parseDocument(source, 'assignment.yaml', assignmentSchema, problems);
		if (assignment) problems.push(...checkAssignment(assignment, `${source.dir}/assignment.yaml`));
	}
	if (course.id !== source.dir.split('/').pop()) {
		problems.push({ file: `${source.dir}/course.yaml`, field: 'id', reason: 'must equal the course folder name' });
	}
	problems.push(
		...checkCourseStructure({
			course: { file: `${source.dir}/course.yaml`, field: '', item: course },
			lessons,
			bank: source.documents.has('bank.yaml') ? { file: `${source.dir}/bank.yaml`, field: '', item: bank } : undefined,
			mediaFiles: new Set(source.media.keys())
		})
	);

	if (course.completion && ![...source.documents.keys()].some((name) => name.startsWith('facilitator/'))) {
		problems.push({ file: `${source.dir}/course.yaml`, field: 'completion', reason: 'a completion rule belongs to a training programme: a course with facilitator guides' });
	}
	if (course.completion?.testPassPercent != null && !course.quiz) {
		problems.push({ file: `${source.dir}/course.yaml`, field: 'completion.testPassPercent', reason: 'counts a final test, but the course has no quiz' });
	}
	// Text keys follow from the structure: with a broken structure they would only add noise.
	if (problems.length > 0) return { ok: false, problems };
	const lessonItems = lessons.map((lesson) => lesson.item);
	const keys = expectedTextKeys(course, lessonItems, bank, assignment);
	const texts = new Map<ContentLocale, TextFile>();
	for (const locale of CONTENT_LOCALES) {
		const text = parseDocument(source, `text.${locale}.yaml`, textFileSchema, problems);
		if (text) texts.set(locale, text);
	}
	problems.push(
		...checkTexts({
			dir: source.dir,
			id: course.id,
			sourceLocale: course.sourceLocale,
			keys,
			texts,
			hash: env.hash,
			unknownReason: 'no such course, lesson, block or option'
		})
	);
	// The guides are checked even when the course's texts are not sound, so one run names every problem.
	const facilitator = compileFacilitator({ source, course, lessons: lessonItems, assignment, courseKeys: keys, courseTexts: texts, env });
	if (!facilitator.ok) problems.push(...facilitator.problems);
	if (problems.length > 0 || !facilitator.ok) return { ok: false, problems };

	const compiled = buildPacks(source, course, lessonItems, bank, assignment, keys, texts, env);
	if (facilitator.compiled) {
		compiled.facilitator = facilitator.compiled;
		compiled.catalogueEntry.facilitator = { ...facilitator.compiled.catalogue, ...(course.completion ? { completion: course.completion } : {}) };
		compiled.legalClaims.push(...facilitator.compiled.legalClaims);
	}
	return { ok: true, course: compiled };
}

function buildPacks(
	source: CourseSource,
	course: CourseStructure,
	lessons: LessonStructure[],
	bank: BankQuestionStructure[],
	assignment: AssignmentStructure | undefined,
	keys: ReturnType<typeof expectedTextKeys>,
	texts: Map<ContentLocale, TextFile>,
	env: CompileEnvironment
): CompiledCourse {
	const textOf = (locale: ContentLocale, key: string) => texts.get(locale)?.texts[key] ?? '';
	const lessonKeys = (lessonId: string) => [...keys].filter(([, key]) => key.lessonId === lessonId).map(([name]) => name);
	const packLessons: PackLesson[] = lessons.map((lesson) => ({
		id: lesson.id,
		version: env.hash(
			JSON.stringify([lesson, CONTENT_LOCALES.map((locale) => lessonKeys(lesson.id).map((key) => textOf(locale, key)))])
		),
		minutes: lesson.minutes,
		blocks: lesson.blocks.map((block) => {
			if (block.type === 'single-choice') return { ...block, correct: block.correct ?? '' };
			if (block.type === 'multiple-choice') return { ...block, correct: block.correct ?? [] };
			if (block.type === 'true-false') return { ...block, correct: block.correct ?? false };
			return block;
		})
	}));
	const packBank = bank.map((question) => {
		if (question.type === 'single-choice') return { ...question, correct: question.correct ?? '' };
		if (question.type === 'multiple-choice') return { ...question, correct: question.correct ?? [] };
		if (question.type === 'true-false') return { ...question, correct: question.correct ?? false };
		return question;
	});
	const media = Object.fromEntries([...source.media].map(([path, bytes]) => [path, dataUrl(path, bytes)]));
	const courseVersion = env.hash(
		JSON.stringify([course, packLessons.map((lesson) => lesson.version), packBank, [...texts], ...(assignment ? [assignment] : [])])
	);

	const claims: LegalClaim[] = [];
	const packs: CompiledCourse['packs'] = [];
	const counts = {} as CompiledCourse['counts'];
	const locales = {} as CatalogueCourse['locales'];
	const questionCount =
		lessons.reduce((sum, lesson) => sum + lesson.blocks.filter((block) => SCORED_TYPES.has(block.type)).length, 0) + bank.length;

	for (const locale of CONTENT_LOCALES) {
		const rendered: Record<string, string> = {};
		for (const [key, { kind, lessonId }] of keys) {
			const text = texts.get(locale)?.texts[key];
			if (text === undefined) continue;
			for (const claim of legalClaims(text)) claims.push({ courseId: course.id, lessonId, locale, key, text: claim });
			rendered[key] = renderText(text, {
				kind,
				appLink: (page) => env.appLink(locale, page),
				legalReviewLabel: env.legalReviewLabel[locale]
			});
		}
		const pack: CoursePack = {
			format: 1,
			id: course.id,
			locale,
			version: courseVersion,
			audiences: course.audiences,
			mandatory: course.mandatory,
			...(course.quiz ? { quiz: course.quiz } : {}),
			mastery: course.mastery,
			lessons: packLessons,
			bank: packBank,
			...(assignment ? { assignment } : {}),
			texts: rendered,
			media
		};
		const body = JSON.stringify(pack);
		const fileName = `${course.id}.${locale}.${env.hash(body)}.json`;
		packs.push({ locale, fileName, body });
		const bytes = Buffer.byteLength(body);
		counts[locale] = {
			lessons: lessons.length,
			blocks: lessons.reduce((sum, lesson) => sum + lesson.blocks.length, 0),
			questions: questionCount,
			bytes
		};
		locales[locale] = { title: textOf(locale, 'title'), summary: textOf(locale, 'summary'), pack: env.packUrl(fileName), bytes };
	}

	return {
		id: course.id,
		packs,
		legalClaims: claims,
		counts,
		catalogueEntry: {
			id: course.id,
			version: courseVersion,
			audiences: course.audiences,
			mandatory: course.mandatory,
			minutes: lessons.reduce((sum, lesson) => sum + lesson.minutes, 0),
			questionCount,
			hasQuiz: Boolean(course.quiz),
			mastery: course.mastery,
			lessons: lessons.map((lesson) => ({
				id: lesson.id,
				minutes: lesson.minutes,
				title: Object.fromEntries(CONTENT_LOCALES.map((locale) => [locale, textOf(locale, `lesson.${lesson.id}.title`)])) as Record<
					ContentLocale,
					string
				>
			})),
			locales
		}
	};
}
