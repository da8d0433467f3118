import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLASS, DEMO_PASSWORD, DEMO_PEOPLE } from '../../src/lib/server/services/demo-data.service';
import { startServer, type RunningServer } from '../support/server';

describe('the demo data npm start seeds', () => {
	let server: RunningServer;

	beforeAll(async () => {
		server = await startServer({ env: { TAZA_DEMO_DATA: '1' } });
	});

	afterAll(async () => {
		await server?.stop();
	});

	it('has one person of each role who can sign in with the README credentials', async () => {
		for (const person of DEMO_PEOPLE) {
			const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ login: person.login, password: DEMO_PASSWORD })
			});
			expect(signIn.status, person.login).toBe(200);
			const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
			const me = await (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).json();
			expect(me.roles.map((role: { role: string; scopeKind: string }) => `${role.role}@${role.scopeKind}`)).toEqual(
				person.scopes.map((scope) => `${person.role}@${scope}`)
			);
		}
	});

	it('assigns a course to the demo organisation and class, so the learner has something "assigned to you"', async () => {
		const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ login: 'demo.learner', password: DEMO_PASSWORD })
		});
		const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
		const { assignments } = await (await fetch(`${server.url}/api/me/assignments`, { headers: { cookie } })).json();
		expect(assignments.map((assignment: { courseId: string; scopeKind: string; status: string }) => [assignment.courseId, assignment.scopeKind, assignment.status])).toEqual([
			['integrity-public-service', 'organisation', 'not-started'],
			['honest-choices', 'class', 'not-started']
		]);
	});

	it('puts the demo learner in the demo teacher\'s class roster', async () => {
		const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ login: 'demo.teacher', password: DEMO_PASSWORD })
		});
		const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
		const classes = await (await fetch(`${server.url}/api/classes`, { headers: { cookie } })).json();
		expect(classes.classes).toEqual([expect.objectContaining({ id: DEMO_CLASS.id, joinCode: DEMO_CLASS.joinCode })]);
		const roster = await (await fetch(`${server.url}/api/classes/${DEMO_CLASS.id}/roster`, { headers: { cookie } })).json();
		expect(roster.learners.map((learner: { displayName: string }) => learner.displayName)).toEqual(['Демо: окуучу']);
	});

	it('is created once: a restart adds nobody', async () => {
		const count = () => {
			const db = new Database(path.join(server.dataDir, 'taza.db'), { readonly: true });
			try {
				return [db.prepare('select count(*) from accounts').pluck().get(), db.prepare('select count(*) from memberships').pluck().get()];
			} finally {
				db.close();
			}
		};
		const before = count();
		expect(before).toEqual([DEMO_PEOPLE.length, DEMO_PEOPLE.flatMap((person) => person.scopes).length]);
		const dataDir = server.dataDir;
		await server.stop();
		server = await startServer({ dataDir, env: { TAZA_DEMO_DATA: '1' } });
		expect(count()).toEqual(before);
	});
});
