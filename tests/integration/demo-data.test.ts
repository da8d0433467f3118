import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLASS, DEMO_PASSWORD, DEMO_PEOPLE } from '../../src/lib/server/services/demo-data.service';
import { DEMO_SEMINARS } from '../../src/lib/server/services/demo-training.service';
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
			// Besides these, the demo trainer runs the demo seminars and the demo teacher took part in one (checked below).
			expect(me.roles.map((role: { role: string; scopeKind: string }) => `${role.role}@${role.scopeKind}`).filter((role: string) => !role.endsWith('@seminar'))).toEqual(
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
				return [
					db.prepare('select count(*) from accounts').pluck().get(),
					db.prepare(`select count(*) from memberships where scope_kind != 'seminar' and not (role = 'teacher' and scope_kind = 'school')`).pluck().get(),
					db.prepare('select count(*) from events').pluck().get()
				];
			} finally {
				db.close();
			}
		};
		const before = count();
		expect(before.slice(0, 2)).toEqual([DEMO_PEOPLE.length, DEMO_PEOPLE.flatMap((person) => person.scopes).length]);
		const dataDir = server.dataDir;
		await server.stop();
		server = await startServer({ dataDir, env: { TAZA_DEMO_DATA: '1' } });
		expect(count()).toEqual(before);
	});

	it('has seminars in several regions whose records went through sync, so the targets view shows real numbers', async () => {
		const signIn = async (login: string) =>
			(await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: DEMO_PASSWORD }) })).headers
				.get('set-cookie')!
				.split(';')[0]!;
		const admin = await signIn('demo.admin');
		const report = await (await fetch(`${server.url}/api/programme/targets`, { headers: { cookie: admin } })).json();
		const held = DEMO_SEMINARS.filter((seminar) => seminar.held);
		expect(new Set(held.map((seminar) => seminar.regionCode)).size).toBeGreaterThanOrEqual(3);
		expect(report.targets).toEqual({ teachersTrained: 500, seminarsHeld: 20 });
		expect(report.figures.seminarsHeld.total).toBe(held.length);
		expect(report.figures.teachersTrained.total).toBe(held.reduce((sum, seminar) => sum + seminar.completing, 0));
		expect(report.figures.teachersTrained.byRegion).toEqual(Object.fromEntries(held.map((seminar) => [seminar.regionCode, seminar.completing])));
		expect(report.seminars).toHaveLength(DEMO_SEMINARS.length);
		const people = await (await fetch(`${server.url}/api/programme/targets/people?region=naryn`, { headers: { cookie: admin } })).json();
		expect(people.people).toHaveLength(DEMO_SEMINARS[0]!.completing);
		// The trainer runs them all and can take each offline.
		const trainer = await signIn('demo.trainer');
		const list = await (await fetch(`${server.url}/api/seminars`, { headers: { cookie: trainer } })).json();
		expect(list.seminars.map((seminar: { id: string }) => seminar.id).sort()).toEqual(DEMO_SEMINARS.map((seminar) => seminar.id).sort());
		const kit = await (await fetch(`${server.url}/api/seminars/demo-seminar-naryn`, { headers: { cookie: trainer } })).json();
		expect(kit.checkInKey).toEqual(expect.any(String));
		expect(kit.participants).toHaveLength(DEMO_SEMINARS[0]!.participants);
		expect(kit.schools.length).toBeGreaterThan(0);
		// The trainer certifies a participant who completed, once; one who did not is refused with the reason.
		const done = kit.participants.find((participant: { completion: { complete: boolean } | null }) => participant.completion?.complete);
		const notDone = kit.participants.find((participant: { completion: { complete: boolean } | null }) => !participant.completion?.complete);
		const certify = (personId: string) =>
			fetch(`${server.url}/api/seminars/demo-seminar-naryn/certificates`, { method: 'POST', headers: { cookie: trainer, 'content-type': 'application/json' }, body: JSON.stringify({ personId, locale: 'ky' }) });
		const first = await certify(done.personId);
		expect(first.status).toBe(201);
		expect(await first.json()).toMatchObject({ kind: 'training', achievementId: 'teaching-integrity-interactively' });
		expect((await certify(done.personId)).status).toBe(200);
		const refused = await certify(notDone.personId);
		expect([refused.status, (await refused.json()).error]).toEqual([422, 'not-complete']);
		// The demo teacher completed the Osh seminar and sees it on their own pages.
		const teacher = await signIn('demo.teacher');
		const mine = await (await fetch(`${server.url}/api/me/training`, { headers: { cookie: teacher } })).json();
		expect(mine.records).toEqual([expect.objectContaining({ seminarId: 'demo-seminar-osh', completion: expect.objectContaining({ complete: true, missing: [] }) })]);
		const own = (seminarId: string) =>
			fetch(`${server.url}/api/me/training/certificate`, { method: 'POST', headers: { cookie: teacher, 'content-type': 'application/json' }, body: JSON.stringify({ seminarId, locale: 'ru' }) });
		expect((await own('demo-seminar-osh')).status).toBe(201);
		expect((await own('demo-seminar-osh')).status).toBe(200);
		// Not a participant there: nothing to certify.
		expect((await own('demo-seminar-naryn')).status).toBe(422);
	});
});
