/** Words for the organisation pages' codes: statuses, kinds, import problems, audit actions. */
import type { AssignmentStatus } from '$lib/courses/assignment-status';
import { m } from '$lib/paraglide/messages';
import type { Organisation, RowProblem } from './organisation-types';

export function statusLabel(status: AssignmentStatus): string {
	switch (status) {
		case 'completed':
			return m.assignment_status_completed();
		case 'in-progress':
			return m.assignment_status_in_progress();
		case 'not-started':
			return m.assignment_status_not_started();
		case 'overdue':
			return m.assignment_status_overdue();
	}
}

export function statusTone(status: AssignmentStatus): 'neutral' | 'progress' | 'done' | 'late' {
	return status === 'completed' ? 'done' : status === 'in-progress' ? 'progress' : status === 'overdue' ? 'late' : 'neutral';
}

export function kindLabel(kind: Organisation['kind']): string {
	switch (kind) {
		case 'ministry':
			return m.organisation_kind_ministry();
		case 'agency':
			return m.organisation_kind_agency();
		case 'municipality':
			return m.organisation_kind_municipality();
		case 'other':
			return m.organisation_kind_other();
	}
}

export function rowProblemLabel(problem: RowProblem): string {
	switch (problem.problem) {
		case 'name-missing':
			return m.import_problem_name_missing();
		case 'name-too-long':
			return m.import_problem_name_too_long();
		case 'login-duplicate':
			return m.import_problem_login_duplicate();
		case 'login-invalid':
			return problem.reason === 'empty' ? m.import_problem_login_missing() : m.auth_error_login_invalid();
	}
}

export function fileProblemLabel(problem: string): string {
	switch (problem) {
		case 'empty':
			return m.import_file_empty();
		case 'columns-missing':
			return m.import_file_columns_missing();
		case 'too-many-rows':
			return m.import_file_too_many_rows();
		default:
			return m.import_file_unreadable();
	}
}

export function auditActionLabel(action: string): string {
	const labels: Record<string, () => string> = {
		'account.created': m.audit_action_account_created,
		'certificate.issued': m.cert_audit_issued,
		'certificate.revoked': m.cert_audit_revoked,
		'class.created': m.audit_action_class_created,
		'class.joined': m.audit_action_class_joined,
		'course.assigned': m.audit_action_course_assigned,
		'course.withdrawn': m.audit_action_course_withdrawn,
		'guest.merged': m.audit_action_guest_merged,
		'member.added': m.audit_action_member_added,
		'member.removed': m.audit_action_member_removed,
		'members.imported': m.audit_action_members_imported,
		'organisation.created': m.audit_action_organisation_created,
		'password.changed': m.audit_action_password_changed,
		'person.erased': m.audit_action_person_erased,
		'person.exported': m.audit_action_person_exported,
		'role.granted': m.audit_action_role_granted,
		'secret.reset': m.audit_action_secret_reset,
		'sessions.revoked-all': m.audit_action_sessions_revoked
	};
	return labels[action]?.() ?? action;
}

/** Excel opens a CSV in columns only with the separator of the computer's locale: ";" where Russian is set up. */
export function csvDelimiter(locale: string): string {
	return locale === 'en' ? ',' : ';';
}
