import Database from 'better-sqlite3';
import fc from 'fast-check';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_POLICY } from '../../src/lib/server/access-policy';
import { DEMO_CLASS, DEMO_ORGANISATION, DEMO_PASSWORD } from '../../src/lib/server/services/demo-data.service';
import { startServer, type RunningServer } from '../support/server';

/** Endpoints that read no body: anything sent is ignored, so there is nothing to fuzz. */
const NO_BODY = new Set([
	'POST /api/auth/sign-out',
	'POST /api/auth/sign-out-everywhere',
	'POST /api/auth/switch',
	'POST /api/classes/[classId]/assignments/[assignmentId]/withdraw',
	'POST /api/organisations/[organisationId]/members/[personId]/remove',
	'POST /api/organisations/[organisationId]/assignments/[assignmentId]/withdraw',
	'POST /api/people/[personId]/reset',
	'POST /api/people/duplicates/[flagId]/dismiss',
	'POST /api/people/merges/[aliasId]/undo'
]);
const JSON_ENDPOINTS = Object.keys(ACCESS_POLICY).filter((endpoint) => endpoint.startsWith('POST ') && !NO_BODY.has(endpoint));

/** Every field name the endpoints read; arbitrary values under real names get further than random keys. */
const FIELDS = ['login', 'password', 'code', 'secret', 'deviceId', 'learnerIds', 'guest', 'personId', 'displayName', 'pictures', 'kind', 'regionCode', 'courseId', 'dueOn', 'csv', 'dryRun', 'confirmPersonId', 'currentPassword', 'newPassword', 'locale', 'name', 'reason', 'note', 'programmeId', 'centre', 'venue', 'startsOn', 'endsOn', 'capacity', 'sessions', 'trainerLogins', 'participants', 'provisional', 'schoolCode', 'phone', 'fromPersonId', 'intoPersonId'];
/**
 * One field each endpoint never gets, so no fuzzed body can be complete and valid (a random string can be a valid
 * username, and an arbitrary password is long enough often enough): every answer must then be a 4xx.
 */
const WITHHELD: Record<string, string> = {
	'POST /api/auth/sign-up': 'password',
	'POST /api/auth/password': 'newPassword',
	'POST /api/organisations': 'kind',
	'POST /api/organisations/[organisationId]/admins': 'login',
	'POST /api/organisations/[organisationId]/members': 'login',
	'POST /api/organisations/[organisationId]/members/import': 'dryRun',
	'POST /api/schools/import': 'dryRun',
	'POST /api/organisations/[organisationId]/assignments': 'courseId',
	'POST /api/classes/[classId]/assignments': 'courseId',
	'POST /api/people/[personId]/erase': 'confirmPersonId',
	'POST /api/classes/join': 'code',
	'POST /api/certificates': 'courseId',
	'POST /api/certificates/[certificateId]/revoke': 'reason',
	'POST /api/seminars': 'capacity',
	'POST /api/seminars/[seminarId]/participants': 'participants',
	'POST /api/people/merges': 'intoPersonId',
	'POST /api/seminars/[seminarId]/certificates': 'personId',
	'POST /api/seminars/[seminarId]/participants/[personId]/account': 'login',
	'POST /api/me/training/certificate': 'seminarId'
};

const TABLES = [
	'people',
	'person_details',
	'accounts',
	'login_names',
	'sessions',
	'audit_log',
	'devices',
	'guest_learners',
	'organisations',
	'classes',
	'memberships',
	'course_assignments',
	'events',
	'held_events',
	'course_summaries',
	'change_log',
	'schools',
	'certificates',
	'seminars',
	'seminar_sessions',
	'provisional_people',
	'duplicate_flags',
	'person_aliases',
	'training_records'
,
	'attachments',
	'attachment_uploaders'
];

describe('every JSON endpoint, fed arbitrary bodies', () => {
	let server: RunningServer;
	let cookie = '';

	beforeAll(async () => {
		server = await startServer({ env: { TAZA_DEMO_DATA: '1' } });
		// Signed in, so that endpoints behind sign-in get as far as reading their body.
		const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			// The programme administrator may call every endpoint, so every body is read and checked.
			body: JSON.stringify({ login: 'demo.admin', password: DEMO_PASSWORD })
		});
		cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
	});

	afterAll(async () => {
		await server?.stop();
	});

	const rowCounts = () => {
		const db = new Database(path.join(server.dataDir, 'taza.db'), { readonly: true });
		try {
			return Object.fromEntries(TABLES.map((table) => [table, db.prepare(`select count(*) from ${table}`).pluck().get()]));
		} finally {
			db.close();
		}
	};

	it.each(JSON_ENDPOINTS)('%s answers 4xx with a message and writes nothing', async (endpoint) => {
		const params: Record<string, string> = { classId: DEMO_CLASS.id, organisationId: DEMO_ORGANISATION.id, personId: 'no-such-person', certificateId: 'no-such-certificate', seminarId: 'no-such-seminar' };
		const route = endpoint.slice('POST '.length).replace(/\[(\w+)\]/g, (_, name: string) => params[name]!);
		const fields = FIELDS.filter((field) => field !== WITHHELD[endpoint]);
		const before = rowCounts();
		// Sessions and the audit log move only on success. The keys are real field names with arbitrary values, but
		// never a complete valid body (no class `name`, and each endpoint's WITHHELD field), so nothing can succeed.
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					fc.string().map((text) => ({ raw: text })),
					fc.jsonValue().map((value) => ({ raw: JSON.stringify(value) })),
					fc.dictionary(fc.constantFrom(...fields), fc.anything()).map((value) => ({ raw: JSON.stringify(value) }))
				),
				async ({ raw }) => {
					const response = await fetch(`${server.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: raw });
					expect(response.status, `${route} ← ${raw.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
					expect(response.status).toBeLessThan(500);
					expect((await response.json()).message).toEqual(expect.any(String));
				}
			),
			{ numRuns: 60 }
		);
		expect(rowCounts()).toEqual(before);
	});
});
