/**
 * What a teacher added on the spot must be for the server to take the registration (`POST /api/seminars/:id/
 * participants` checks the same): a name, an optional phone that looks like one, and a school of the region. Checked
 * on the device, because a registration the server refuses would wait in the queue for ever. Pure.
 */
export const MAX_PROVISIONAL_NAME_LENGTH = 120;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

export interface ProvisionalTeacherDraft {
	displayName: string;
	phone: string;
	schoolCode: string;
}

export type ProvisionalTeacherProblem = 'name-missing' | 'name-too-long' | 'phone-invalid' | 'school-missing';

/** The first problem, in the order of the form's fields; undefined when it can be registered. */
export function provisionalTeacherProblem(draft: ProvisionalTeacherDraft): ProvisionalTeacherProblem | undefined {
	const name = draft.displayName.trim();
	if (!name) return 'name-missing';
	if ([...name].length > MAX_PROVISIONAL_NAME_LENGTH) return 'name-too-long';
	const phone = draft.phone.trim();
	if (phone && !PHONE.test(phone)) return 'phone-invalid';
	if (!draft.schoolCode) return 'school-missing';
	return undefined;
}
