import { describe, expect, it } from 'vitest';
import type { PackAssignment } from '$lib/content/pack.types';
import { answerSections, checkSubmission, composeAnswers, ownAssignment } from './assignment-draft';
import type { ReviewRecord, SubmittedRecord } from './submissions';

const assignment: PackAssignment = {
	plan: [
		{ id: 'topic', kind: 'line' },
		{ id: 'goals', kind: 'text' }
	],
	reflection: ['what-happened'],
	photos: { min: 1, max: 2 },
	criteria: []
};

describe('a participant’s assignment', () => {
	it('puts the answers under their headings, in the template’s order, leaving out empty ones', () => {
		const text = composeAnswers(['topic', 'goals', 'steps'], { goals: ' Understand gifts ', topic: 'Gift or bribe?', steps: '  ' }, (id) => `<${id}>`);
		expect(text).toBe('## <topic>\nGift or bribe?\n\n## <goals>\nUnderstand gifts');
	});

	it('reads a submitted text back into its headings and answers', () => {
		const text = composeAnswers(['topic', 'goals'], { topic: 'Gift or bribe?', goals: 'Tell a gift\nfrom a bribe' }, (id) => id.toUpperCase());
		expect(answerSections(text)).toEqual([
			{ heading: 'TOPIC', answer: 'Gift or bribe?' },
			{ heading: 'GOALS', answer: 'Tell a gift\nfrom a bribe' }
		]);
		expect(answerSections('Written elsewhere, no headings')).toEqual([{ heading: '', answer: 'Written elsewhere, no headings' }]);
	});

	it('names every missing answer and a photo count out of range', () => {
		expect(checkSubmission(assignment, { plan: { topic: 'x' }, reflection: {}, photos: [] }, { lessonPlan: 'x', reflection: '' })).toEqual([
			{ kind: 'plan-missing', id: 'goals' },
			{ kind: 'reflection-missing', id: 'what-happened' },
			{ kind: 'photos-too-few', min: 1 }
		]);
		expect(checkSubmission(assignment, { plan: { topic: 'x', goals: 'y' }, reflection: { 'what-happened': 'z' }, photos: ['a', 'b', 'c'] }, { lessonPlan: 'x', reflection: 'z' })).toEqual([
			{ kind: 'photos-too-many', max: 2 }
		]);
		expect(checkSubmission(assignment, { plan: { topic: 'x', goals: 'y' }, reflection: { 'what-happened': 'z' }, photos: ['a'] }, { lessonPlan: 'x'.repeat(20_001), reflection: 'z' })).toEqual([
			{ kind: 'too-long' }
		]);
	});

	const submitted = (submissionId: string, at: string): SubmittedRecord => ({
		personId: 'aida',
		eventId: `e-${submissionId}`,
		at,
		payload: { programmeId: 'p', submissionId, lessonPlan: '', reflection: '', attachments: [] }
	});
	const review = (submissionId: string, verdict: 'accepted' | 'returned', at: string): ReviewRecord => ({
		personId: 'aida',
		eventId: `r-${submissionId}`,
		at,
		reviewerId: 'trainer',
		payload: { programmeId: 'p', submissionId, verdict, comment: verdict === 'returned' ? 'Add the timing' : '' }
	});

	it('is open to submit at first, waits once submitted, and opens again when returned with a comment', () => {
		expect(ownAssignment([], [])).toMatchObject({ state: 'none', canSubmit: true });
		expect(ownAssignment([submitted('s1', '2026-05-01T00:00:00Z')], [])).toMatchObject({ state: 'submitted', canSubmit: false, submissionId: 's1' });
		const returned = ownAssignment([submitted('s1', '2026-05-01T00:00:00Z')], [review('s1', 'returned', '2026-05-02T00:00:00Z')]);
		expect(returned).toMatchObject({ state: 'returned', canSubmit: true, review: { comment: 'Add the timing' } });
	});

	it('shows the resubmission, not the old return, and its acceptance', () => {
		const events = [submitted('s1', '2026-05-01T00:00:00Z'), submitted('s2', '2026-05-03T00:00:00Z')];
		expect(ownAssignment(events, [review('s1', 'returned', '2026-05-02T00:00:00Z')])).toMatchObject({ state: 'submitted', submissionId: 's2' });
		expect(ownAssignment(events, [review('s1', 'returned', '2026-05-02T00:00:00Z'), review('s2', 'accepted', '2026-05-04T00:00:00Z')])).toMatchObject({ state: 'accepted', canSubmit: false });
	});
});
