/**
 * A participant's practical assignment (pure): the template's answers put into the event's two texts, what must be
 * there before it can be submitted, and where it stands from the submissions and reviews this device knows.
 */
import type { PackAssignment } from '$lib/content/pack.types';
import { latestSubmissions, type ReviewRecord, type SubmissionReview, type SubmittedRecord } from './submissions';

export interface AssignmentDraft {
	plan: Record<string, string>;
	reflection: Record<string, string>;
	photos: string[];
}

/** The event's text limit (`training-events.ts`), per text. */
export const MAX_ASSIGNMENT_TEXT = 20_000;

/**
 * Answers as one text, each under its heading in the participant's language: readable as it is on any screen, in an
 * export or printed, whatever language the trainer reads in.
 */
export function composeAnswers(ids: readonly string[], answers: Record<string, string>, heading: (id: string) => string): string {
	return ids
		.map((id) => ({ id, answer: (answers[id] ?? '').trim() }))
		.filter((entry) => entry.answer.length > 0)
		.map((entry) => `## ${heading(entry.id).trim()}\n${entry.answer}`)
		.join('\n\n');
}

export type SubmissionProblem =
	| { kind: 'plan-missing'; id: string }
	| { kind: 'reflection-missing'; id: string }
	| { kind: 'photos-too-few'; min: number }
	| { kind: 'photos-too-many'; max: number }
	| { kind: 'too-long' };

/** What stops a submission: every field of the plan and every reflection prompt answered, and the photos in range. */
export function checkSubmission(assignment: PackAssignment, draft: AssignmentDraft, texts: { lessonPlan: string; reflection: string }): SubmissionProblem[] {
	const problems: SubmissionProblem[] = [];
	for (const field of assignment.plan) if (!(draft.plan[field.id] ?? '').trim()) problems.push({ kind: 'plan-missing', id: field.id });
	for (const prompt of assignment.reflection) if (!(draft.reflection[prompt] ?? '').trim()) problems.push({ kind: 'reflection-missing', id: prompt });
	if (draft.photos.length < assignment.photos.min) problems.push({ kind: 'photos-too-few', min: assignment.photos.min });
	if (draft.photos.length > assignment.photos.max) problems.push({ kind: 'photos-too-many', max: assignment.photos.max });
	if (texts.lessonPlan.length > MAX_ASSIGNMENT_TEXT || texts.reflection.length > MAX_ASSIGNMENT_TEXT) problems.push({ kind: 'too-long' });
	return problems;
}

export type OwnAssignmentState = 'none' | 'submitted' | 'accepted' | 'returned';

export interface OwnAssignment {
	state: OwnAssignmentState;
	submissionId: string | null;
	submittedAt: string | null;
	review: SubmissionReview | null;
	/** A new submission is possible: nothing sent yet, or the last one came back. */
	canSubmit: boolean;
}

/** Where the participant's assignment stands: their latest submission and its latest review, from every source known. */
export function ownAssignment(submitted: readonly SubmittedRecord[], reviews: readonly ReviewRecord[]): OwnAssignment {
	const latest = latestSubmissions(submitted, reviews)[0];
	if (!latest) return { state: 'none', submissionId: null, submittedAt: null, review: null, canSubmit: true };
	const state: OwnAssignmentState = latest.review?.verdict ?? 'submitted';
	return { state, submissionId: latest.submissionId, submittedAt: latest.submittedAt, review: latest.review, canSubmit: state === 'returned' };
}

/** A submitted text back into its headings and answers, for reading; text before any heading has an empty heading. */
export function answerSections(text: string): { heading: string; answer: string }[] {
	const sections: { heading: string; answer: string }[] = [];
	for (const line of text.split('\n')) {
		if (line.startsWith('## ')) sections.push({ heading: line.slice(3).trim(), answer: '' });
		else if (sections.length === 0) sections.push({ heading: '', answer: line });
		else {
			const last = sections.at(-1)!;
			last.answer = last.answer ? `${last.answer}\n${line}` : line;
		}
	}
	return sections.map((section) => ({ heading: section.heading, answer: section.answer.trim() })).filter((section) => section.heading || section.answer);
}
