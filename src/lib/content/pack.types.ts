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

/** A course's practical assignment: the structure of `assignment.yaml`; its words are the pack's `assignment.*` texts. */
export interface PackAssignment {
	plan: { id: string; kind: 'line' | 'text' }[];
	reflection: string[];
	photos: { min: number; max: number };
	criteria: { id: string; required: boolean }[];
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
	/** The practical assignment, when the course has one (texts under `assignment.`). */
	assignment?: PackAssignment;
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
	/** Facilitator guides for trainers, when the course has them: a pack of their own per locale. */
	facilitator?: CatalogueFacilitator;
}

export interface CatalogueFacilitator {
	version: string;
	/** The programme's completion rule as course.yaml states it (training/completion.ts `CompletionRule`). */
	completion?: { version: number; minAttendanceShare: number; testPassPercent: number | null; assignmentAccepted: boolean };
	/** In the course's lesson order; a session's title is its lesson's. */
	sessions: { id: string; minutes: number }[];
	locales: Record<Locale, { pack: string; bytes: number }>;
}

export type StepFormat = 'plenary' | 'groups' | 'pairs' | 'individual';

/** One session's guide: its structure; every word is in the pack's texts under `<session>.`. */
export interface FacilitatorGuide {
	session: string;
	minutes: number;
	materials: string[];
	steps: { id: string; minutes: number; format: StepFormat; questions: string[]; /** 1-based screens of the lesson */ screens: number[] }[];
	pitfalls: string[];
	noProjector: string[];
}

/**
 * What a trainer's device downloads to run a course's seminar sessions: every guide, the practical assignment, and
 * the course and lesson titles, in one locale. Learners never download it.
 */
export interface FacilitatorPack {
	format: 1;
	kind: 'facilitator';
	courseId: string;
	locale: Locale;
	/** Hash of the guides and their texts in every locale, and of the course's assignment. */
	version: string;
	guides: FacilitatorGuide[];
	assignment?: PackAssignment;
	/** Rendered, sanitised HTML: `intro`, guide texts, `title`, `lesson.<id>.title|summary`, `assignment.*`. */
	texts: Record<string, string>;
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
