import { describe, expect, it } from 'vitest';
import type { Completion } from './completion';
import { assignmentNeedsReview, attendanceFigures, canIssueCertificate, certificateOutcome, completionParts } from './trainer-certificate';

const done: Completion = { complete: true, attended: 6, required: 5, total: 6, testPassed: true, assignment: 'accepted', missing: [] };
const missingTest: Completion = { complete: false, attended: 5, required: 5, total: 6, testPassed: false, assignment: 'submitted', missing: ['test', 'assignment'] };

describe("a participant's completion on the trainer's roster", () => {
	it('lists the three parts in order, each done or missing as the server folded them', () => {
		expect(completionParts(done)).toEqual([
			{ part: 'attendance', done: true },
			{ part: 'test', done: true },
			{ part: 'assignment', done: true }
		]);
		expect(completionParts(missingTest)).toEqual([
			{ part: 'attendance', done: true },
			{ part: 'test', done: false },
			{ part: 'assignment', done: false }
		]);
		expect(completionParts(null)).toEqual([]);
	});

	it('gives attendance as attended of required, never more than the sessions held', () => {
		expect(attendanceFigures(missingTest)).toEqual({ attended: 5, required: 5 });
		expect(attendanceFigures({ ...done, attended: 7 })).toEqual({ attended: 6, required: 5 });
	});

	it('points at the review only for an assignment awaiting one', () => {
		expect(assignmentNeedsReview('submitted')).toBe(true);
		expect(['none', 'accepted', 'returned'].map((state) => assignmentNeedsReview(state as 'none'))).toEqual([false, false, false]);
	});
});

describe('issuing a certificate from the seminar page', () => {
	it('is offered online for a person the server counted complete, and only then', () => {
		expect(canIssueCertificate({ completion: done, addedHere: false }, true)).toBe(true);
		expect(canIssueCertificate({ completion: done, addedHere: false }, false)).toBe(false);
		expect(canIssueCertificate({ completion: missingTest, addedHere: false }, true)).toBe(false);
		expect(canIssueCertificate({ completion: null, addedHere: true }, true)).toBe(false);
		expect(canIssueCertificate({ completion: done, addedHere: true }, true)).toBe(false);
	});

	it('reads 201 as newly issued and 200 as issued before, with the id and the signed token', () => {
		expect(certificateOutcome({ ok: true, status: 201, value: { id: 'c-1', qrToken: 'eyJ.x.y' } })).toEqual({ kind: 'issued', certificateId: 'c-1', qrToken: 'eyJ.x.y', created: true });
		expect(certificateOutcome({ ok: true, status: 200, value: { id: 'c-1', qrToken: null } })).toEqual({ kind: 'issued', certificateId: 'c-1', qrToken: null, created: false });
		expect(certificateOutcome({ ok: true, status: 200, value: {} })).toEqual({ kind: 'failed' });
	});

	it('explains the refusals by their code, and no connection apart', () => {
		expect(certificateOutcome({ ok: false, status: 422, error: 'not-complete' })).toEqual({ kind: 'not-complete' });
		expect(certificateOutcome({ ok: false, status: 409, error: 'name-missing' })).toEqual({ kind: 'name-missing' });
		expect(certificateOutcome({ ok: false, status: 404, error: 'not-found' })).toEqual({ kind: 'refused' });
		expect(certificateOutcome({ ok: false, status: 0, error: 'offline' })).toEqual({ kind: 'offline' });
		expect(certificateOutcome({ ok: false, status: 500, error: 'generic' })).toEqual({ kind: 'failed' });
	});
});
