import { apiError } from './http';
import type { OrganisationFailure } from './services/organisations.service';
import type { CertificateFailure } from './services/certificates.service';
import type { PeopleFailure } from './services/people.service';
import type { SchoolsFailure } from './services/schools.service';
import type { SeminarsFailure } from './services/seminars.service';
import type { MergeFailure } from './services/merges.service';

const NOT_FOUND = 404;

/** A stable code for the page, a sentence for people reading the API. */
export function organisationFailureResponse(failure: OrganisationFailure): Response {
	switch (failure.code) {
		case 'name-invalid':
			return apiError(400, failure.code, 'A name has 2 to 120 characters.');
		case 'name-taken':
			return apiError(409, failure.code, 'An organisation with this name already exists.');
		case 'region-unknown':
			return apiError(400, failure.code, 'The region is not one of the regions of Kyrgyzstan.');
		case 'login-unknown':
			return apiError(404, failure.code, 'Nobody signs in with this phone number or username.');
		case 'already-admin':
			return apiError(409, failure.code, 'This person already administers the organisation.');
		case 'not-found':
			return apiError(NOT_FOUND, failure.code, 'Not found.');
		case 'file-invalid':
			return json400(failure.code, `The file cannot be imported: ${failure.problem}.`, { problem: failure.problem });
		case 'row-invalid':
			return json400(failure.code, 'Some fields are not valid.', { problems: failure.problems });
		case 'course-unknown':
			return apiError(400, failure.code, 'There is no course with this id.');
		case 'due-date-invalid':
			return apiError(400, failure.code, 'The due date must be a calendar date, YYYY-MM-DD.');
		case 'due-date-past':
			return apiError(400, failure.code, 'The due date is in the past.');
		case 'already-assigned':
			return apiError(409, failure.code, 'This course is already assigned here.');
	}
}

export function peopleFailureResponse(failure: PeopleFailure): Response {
	switch (failure.code) {
		case 'not-found':
			return apiError(NOT_FOUND, failure.code, 'There is no such person.');
		case 'no-account':
			return apiError(409, failure.code, 'This person has no account to reset.');
		case 'erased':
			return apiError(409, failure.code, "This person's personal data has been erased.");
		case 'cannot-erase-self':
			return apiError(409, failure.code, 'You cannot erase your own account.');
	}
}

export function certificateFailureResponse(failure: CertificateFailure): Response {
	switch (failure.code) {
		case 'course-unknown':
			return apiError(400, failure.code, 'There is no course with this id.');
		case 'not-mandatory':
			return apiError(409, failure.code, 'Certificates are given for mandatory courses only.');
		case 'not-completed':
			return apiError(409, failure.code, 'The server does not hold this course as completed yet: sync, then ask again.');
		case 'name-missing':
			return apiError(409, failure.code, 'There is no name on record: send the name the certificate should show.');
		case 'name-invalid':
			return apiError(400, failure.code, 'A name has 2 to 120 characters.');
		case 'not-found':
			return apiError(NOT_FOUND, failure.code, 'There is no such certificate.');
		case 'forbidden':
			return apiError(403, failure.code, 'You may not revoke this certificate.');
		case 'already-revoked':
			return apiError(409, failure.code, 'This certificate was already revoked.');
	}
}

export function schoolsFailureResponse(failure: SchoolsFailure): Response {
	const missing = failure.missing ? ` (missing columns: ${failure.missing.join(', ')})` : '';
	return json400(failure.code, `The file cannot be imported: ${failure.problem}${missing}.`, { problem: failure.problem, ...(failure.missing ? { missing: failure.missing } : {}) });
}

function json400(code: string, message: string, extra: Record<string, unknown>): Response {
	return new Response(JSON.stringify({ error: code, message, ...extra }), { status: 400, headers: { 'content-type': 'application/json' } });
}

export function seminarsFailureResponse(failure: SeminarsFailure): Response {
	switch (failure.code) {
		case 'draft-invalid':
			return json422(failure.code, 'The seminar cannot be scheduled as it is; see problems.', { problems: failure.problems });
		case 'trainer-unknown':
			return json422(failure.code, `No account has these logins: ${failure.logins.join(', ')}.`, { logins: failure.logins });
		case 'school-unknown':
			return json422(failure.code, `These schools are not in the reference list: ${failure.schoolCodes.join(', ')}.`, { schoolCodes: failure.schoolCodes });
		case 'not-complete':
			return json422(failure.code, 'This participant has not met the completion rule of the seminar (yet).', {});
		case 'login-invalid':
			return json422(failure.code, 'The login must be a Kyrgyz phone number or a username.', {});
		case 'login-taken':
			return apiError(409, failure.code, 'Someone already signs in with this login; if it is this person, ask an administrator to merge them.');
		case 'not-provisional':
			return json422(failure.code, 'Only a person created on the spot in this seminar, without an account, can be given one here.', {});
		case 'not-found':
			return apiError(NOT_FOUND, failure.code, 'No such seminar, or it is not yours to see.');
	}
}

function json422(code: string, message: string, extra: Record<string, unknown>): Response {
	return new Response(JSON.stringify({ error: code, message, ...extra }), { status: 422, headers: { 'content-type': 'application/json' } });
}

export function mergeFailureResponse(failure: MergeFailure): Response {
	switch (failure.code) {
		case 'person-unknown':
			return apiError(NOT_FOUND, failure.code, `No person has the id ${failure.personId}.`);
		case 'merge-unknown':
			return apiError(NOT_FOUND, failure.code, 'No merge made by an administrator has this id.');
		case 'same-person':
			return json422(failure.code, 'A person cannot be merged into themselves.', {});
		case 'already-merged':
			return json422(failure.code, 'This person is merged into someone already; undo that merge first.', {});
		case 'not-provisional':
			return json422(failure.code, 'Only a person created on the spot, without an account, can be merged into another.', {});
	}
}
