/** The shapes the organisation endpoints answer with, as the pages read them. */
import type { AssignmentStatus } from '$lib/courses/assignment-status';

export interface Organisation {
	id: string;
	name: string;
	kind: 'ministry' | 'agency' | 'municipality' | 'other';
	regionCode: string;
}

export interface Member {
	personId: string;
	displayName: string | null;
	login: string | null;
	memberSince: string;
	erased: boolean;
}

export interface Assignment {
	id: string;
	courseId: string;
	dueOn: string | null;
	assignedAt: string;
}

export interface MemberPlan {
	line: number;
	displayName: string;
	login: string;
	outcome: 'create' | 'add-existing' | 'already-member';
}

export type RowProblem =
	| { line: number; problem: 'name-missing' | 'name-too-long' | 'login-duplicate' }
	| { line: number; problem: 'login-invalid'; reason: 'empty' | 'phone-invalid' | 'username-invalid' };

export interface ImportReport {
	committed: boolean;
	plan: MemberPlan[];
	problems: RowProblem[];
	temporaryPasswords: { line: number; displayName: string; login: string; temporaryPassword: string }[];
}

export interface StatusCell {
	assignmentId: string;
	status: AssignmentStatus;
	completedAt: string | null;
}

export interface Compliance {
	today: string;
	assignments: Assignment[];
	rows: { personId: string; displayName: string | null; login: string | null; statuses: StatusCell[] }[];
}

export interface AuditEntry {
	id: string;
	at: string;
	action: string;
	actorName: string | null;
	subjectPersonId: string | null;
	subjectName: string | null;
	scopeKind: string | null;
	scopeId: string | null;
}
