/**
 * What the browser downloads: a compiled course pack (one per course and locale) and the catalogue.
 * Plain types, no schema library, so the lesson player stays light.
 */

export type Locale = 'ky' | 'ru' | 'en';
export type Audience = 'schoolchildren' | 'youth' | 'civil-servants' | 'teachers';
export type DilemmaOutcome = 'best' | 'acceptable' | 'harmful';

export type PackQuestion =
	| { id: string; type: 'single-choice'; options: string[]; correct: string }
	| { id: string; type: 'multiple-choice'; options: string[]; correct: string[] }
	| { id: string; type: 'true-false'; correct: boolean }
	| { id: string; type: 'matching'; pairs: [string, string][] }
	| { id: string; type: 'ordering'; order: string[] }
	| { id: string; type: 'dilemma'; choices: { id: string; outcome: DilemmaOutcome }[] };

export type PackBlock =
	| { id: string; type: 'text' }
	| { id: string; type: 'image'; src: string }
	| { id: string; type: 'audio'; src: string; bytes: number }
	| { id: string; type: 'video'; src: string; poster: string; bytes: number }
	| PackQuestion;

export interface PackLesson {
	id: string;
	/** Hash of the lesson's structure and texts in every locale: progress records it; older versions still count. */
	version: string;
	minutes: number;
	blocks: PackBlock[];
}

export type MasteryRule = { rule: 'all-lessons' } | { rule: 'quiz-passed' } | { rule: 'm-of-n'; required: number };

export interface QuizSettings {
	draw: number;
	passPercent: number;
	attempts: number;
}

export interface CoursePack {
	format: 1;
	id: string;
	locale: Locale;
	/** Hash of the whole course (every locale): the course's content version. */
	version: string;
	audiences: Audience[];
	mandatory: boolean;
	quiz?: QuizSettings;
	mastery: MasteryRule;
	lessons: PackLesson[];
	bank: (PackQuestion & { lesson?: string })[];
	/** Every text of the course in this locale, keyed as in text.<locale>.yaml, rendered and sanitised to HTML. */
	texts: Record<string, string>;
	/** Illustrations and media by their path in the course folder, as data: URLs. */
	media: Record<string, string>;
}

export interface CatalogueCourse {
	id: string;
	version: string;
	audiences: Audience[];
	mandatory: boolean;
	minutes: number;
	questionCount: number;
	hasQuiz: boolean;
	mastery: MasteryRule;
	lessons: { id: string; minutes: number; title: Record<Locale, string> }[];
	locales: Record<Locale, { title: string; summary: string; pack: string; bytes: number }>;
}

export interface Catalogue {
	format: 1;
	courses: CatalogueCourse[];
}

/** A statement marked for a lawyer's review, where it stands. */
export interface LegalClaim {
	/** The course's id, or the quest's when `kind` is `quest`. */
	courseId: string;
	kind?: 'quest';
	lessonId?: string;
	locale: Locale;
	key: string;
	text: string;
}

/** Per course: what re-grading a final test on the server needs (the structure only, no texts). */
export type AnswerKeys = Record<string, { version: string; quiz: QuizSettings | null; bank: PackQuestion[] }>;
