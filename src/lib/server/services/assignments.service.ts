import { latestSubmissions, type SeminarSubmissions, type SubmissionForReview } from '$lib/training/submissions';
import type { AssignmentsRepo } from '../repos/assignments.repo';
import type { CurrentSession } from './auth.service';

export interface AssignmentsDependencies {
	assignments: AssignmentsRepo;
}

/** Practical assignments for review (issue #7): what a seminar's participants submitted, and how it was reviewed. */
export function createAssignmentsService(deps: AssignmentsDependencies) {
	return {
		/** The seminar's participants' latest submissions with their latest reviews; undefined for an unknown seminar. */
		async forSeminar(seminarId: string): Promise<SeminarSubmissions | undefined> {
			const programmeId = await deps.assignments.seminarProgramme(seminarId);
			if (!programmeId) return undefined;
			const { submitted, reviews, names } = await deps.assignments.ofSeminar(seminarId, programmeId);
			return { seminarId, programmeId, submissions: latestSubmissions(submitted, reviews, names) };
		},

		/** The caller's own latest submission and its review, so their device learns of a review made elsewhere. */
		async ofCaller(caller: CurrentSession, programmeId: string): Promise<SubmissionForReview | null> {
			const { submitted, reviews } = await deps.assignments.ofPerson(caller.personId, programmeId);
			return latestSubmissions(submitted, reviews)[0] ?? null;
		}
	};
}

export type AssignmentsService = ReturnType<typeof createAssignmentsService>;
