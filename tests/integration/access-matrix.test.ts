import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_POLICY, type Access, type RoleGrant } from '../../src/lib/server/access-policy';
import { DEMO_CLASS, DEMO_ORGANISATION, DEMO_PASSWORD } from '../../src/lib/server/services/demo-data.service';
import { startServer, type RunningServer } from '../support/server';

const OTHER_CLASS = 'other-class';
const OTHER_ORGANISATION = 'other-organisation';

/**
 * Every caller the issue names, with the roles they hold, written out independently of the policy's own evaluation:
 * `role@scopeKind:scopeId`. Demo people come from the seed; the "other" ones are made in beforeAll.
 */
const CALLERS: { name: string; login?: string; holds: string[] }[] = [
	{ name: 'anonymous', holds: [] },
	{ name: 'learner', login: 'demo.learner', holds: [] },
	{ name: 'teacher of this class', login: 'demo.teacher', holds: [`teacher@class:${DEMO_CLASS.id}`] },
	{ name: 'teacher of another class', login: 'teacher.of.another', holds: [`teacher@class:${OTHER_CLASS}`] },
	{ name: 'trainer', login: 'demo.trainer', holds: ['trainer@programme:programme'] },
	{ name: 'org admin of this organisation', login: 'demo.org.admin', holds: [`org-admin@organisation:${DEMO_ORGANISATION.id}`] },
	{ name: 'org admin of another organisation', login: 'org.admin.other', holds: [`org-admin@organisation:${OTHER_ORGANISATION}`] },
	{ name: 'programme admin', login: 'demo.admin', holds: ['programme-admin@programme:programme'] }
];

/** The person every `[personId]` URL names: a pupil of the demo class and a member of the demo organisation. */
const SUBJECT_LOGIN = 'matrix.subject';
const SUBJECT_LEARNS_IN = [`class:${DEMO_CLASS.id}`, `organisation:${DEMO_ORGANISATION.id}`];

const PARAMS: Record<string, string> = { classId: DEMO_CLASS.id, organisationId: DEMO_ORGANISATION.id, assignmentId: 'no-such-assignment', questId: 'exam-envelope', certificateId: 'no-such-certificate', seminarId: 'no-such-seminar', flagId: 'no-such-flag', aliasId: 'no-such-alias' };

function grantHolds(grant: RoleGrant, holds: string[]): boolean {
	const scopes = holds.filter((held) => held.startsWith(`${grant.role}@`)).map((held) => held.slice(grant.role.length + 1));
	if (grant.overLearnerParam) return scopes.some((scope) => SUBJECT_LEARNS_IN.includes(scope));
	if (grant.scopeParam) return scopes.includes(`${grant.scopeKind}:${PARAMS[grant.scopeParam]}`);
	if (grant.scopeKind) return scopes.some((scope) => scope.startsWith(`${grant.scopeKind}:`));
	return scopes.length > 0;
}

/**
 * Endpoints whose rule is 'anyone' but whose handler answers only a profile token (see the comment in ACCESS_POLICY):
 * a cookie is what they move, so a cookie cannot ask.
 */
const PROFILE_TOKEN_ONLY = new Set(['POST /api/auth/switch']);

/** Each caller comes with the page cookie, or with the profile token as `Authorization: Bearer` (as a shared device's profile does). */
const CREDENTIALS = ['cookie', 'profile token'] as const;

function expectedAllowed(endpoint: string, access: Access, caller: (typeof CALLERS)[number], credential: (typeof CREDENTIALS)[number]): boolean {
	if (PROFILE_TOKEN_ONLY.has(endpoint)) return caller.login !== undefined && credential === 'profile token';
	if (access === 'anyone') return true;
	if (!caller.login) return false;
	if (access === 'signed-in') return true;
	return access.anyOf.some((grant) => grantHolds(grant, caller.holds));
}

describe('the authorization matrix: every endpoint × every role', () => {
	let server: RunningServer;
	let subjectId = '';
	const database = () => new Database(path.join(server.dataDir, 'taza.db'));

	async function signIn(login: string): Promise<string> {
		const response = await fetch(`${server.url}/api/auth/sign-in`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ login, password: DEMO_PASSWORD })
		});
		expect(response.status, `sign-in as ${login}`).toBe(200);
		return response.headers.get('set-cookie')!.split(';')[0]!;
	}

	async function post(route: string, cookie: string, body: unknown): Promise<Response> {
		return fetch(`${server.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
	}

	async function signUp(login: string): Promise<string> {
		const response = await post('/api/auth/sign-up', '', { login, password: DEMO_PASSWORD });
		expect(response.status).toBe(201);
		return ((await response.json()) as { personId: string }).personId;
	}

	beforeAll(async () => {
		server = await startServer({ env: { TAZA_DEMO_DATA: '1' } });
		await signUp('teacher.of.another');
		await signUp('org.admin.other');
		subjectId = await signUp(SUBJECT_LOGIN);
		const admin = await signIn('demo.admin');
		const organisation = await post('/api/organisations', admin, { name: 'Башка уюм', kind: 'agency', regionCode: 'osh' });
		expect(organisation.status).toBe(201);
		const otherOrganisationId = ((await organisation.json()) as { id: string }).id;
		expect((await post(`/api/organisations/${otherOrganisationId}/admins`, admin, { login: 'org.admin.other' })).status).toBe(201);
		expect((await post(`/api/organisations/${DEMO_ORGANISATION.id}/members`, admin, { displayName: 'Матрица', login: SUBJECT_LOGIN })).status).toBe(201);
		const otherTeacher = await signIn('teacher.of.another');
		const otherClass = await post('/api/classes', otherTeacher, { name: '8-Б' });
		const otherClassId = ((await otherClass.json()) as { id: string }).id;
		// The ids the callers' `holds` name are fixed; map the generated ones onto them.
		const db = database();
		try {
			db.prepare('update memberships set scope_id = ? where scope_id = ?').run(OTHER_ORGANISATION, otherOrganisationId);
			db.prepare('update organisations set id = ? where id = ?').run(OTHER_ORGANISATION, otherOrganisationId);
			db.prepare('update memberships set scope_id = ? where scope_id = ?').run(OTHER_CLASS, otherClassId);
			db.prepare('update classes set id = ? where id = ?').run(OTHER_CLASS, otherClassId);
			db.prepare(
				"insert into memberships (id, person_id, role, scope_kind, scope_id, valid_from, created_at) values ('matrix-pupil', ?, 'learner', 'class', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
			).run(subjectId, DEMO_CLASS.id);
		} finally {
			db.close();
		}
	});

	afterAll(async () => {
		await server?.stop();
	});

	/** The headers a caller signs a request with: the cookie, or only the profile token as the bearer. */
	async function credentialsFor(login: string | undefined, credential: (typeof CREDENTIALS)[number]): Promise<Record<string, string>> {
		if (!login) return {};
		const response = await fetch(`${server.url}/api/auth/sign-in`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ login, password: DEMO_PASSWORD })
		});
		expect(response.status, `sign-in as ${login}`).toBe(200);
		const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
		const { profileToken } = (await response.json()) as { profileToken: string };
		return credential === 'cookie' ? { cookie } : { authorization: `Bearer ${profileToken}` };
	}

	const cells = Object.entries(ACCESS_POLICY).flatMap(([endpoint, access]) =>
		CALLERS.flatMap((caller) => CREDENTIALS.map((credential) => ({ endpoint, access, caller, credential })))
	);

	it('covers the roles the issue names', () => {
		expect(CALLERS.map((caller) => caller.name)).toHaveLength(8);
	});

	it.each(cells)('$endpoint as $caller.name with a $credential', async ({ endpoint, access, caller, credential }) => {
		const [method, route] = endpoint.split(' ') as [string, string];
		// A fresh session per cell: some endpoints end sessions.
		const headers = await credentialsFor(caller.login, credential);
		const url = route.replace(/\[(\w+)\]/g, (_, name: string) => (name === 'personId' ? subjectId : PARAMS[name]!));
		const response = await fetch(`${server.url}${url}`, {
			method,
			headers: { 'content-type': 'application/json', ...headers },
			...(method === 'GET' ? {} : { body: '{}' })
		});
		const denied = response.status === 401 || response.status === 403;
		expect(denied, `${endpoint} as ${caller.name} with a ${credential} answered ${response.status}`).toBe(!expectedAllowed(endpoint, access, caller, credential));
		await response.body?.cancel();
		// An allowed "remove member" really removes: put the subject back so the next cells see the same world.
		const db = database();
		try {
			db.prepare('update memberships set valid_to = null where person_id = ?').run(subjectId);
		} finally {
			db.close();
		}
	});
});
