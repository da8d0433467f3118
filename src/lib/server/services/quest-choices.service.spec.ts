import { afterEach, describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL } from '$lib/progress/sync-protocol';
import { eventFactory } from '../../../../tests/support/course-events';
import { servicesUnderTest, type ServicesUnderTest } from '../../../../tests/support/server-services';
import { createQuestChoicesRepo } from '../repos/quest-choices.repo';
import { createQuestChoicesService, MINIMUM_ANSWERS_SHOWN, publishableCounts } from './quest-choices.service';

const open: ServicesUnderTest[] = [];
afterEach(() => open.splice(0).forEach((services) => services.close()));

describe('publishableCounts', () => {
	it('withholds a decision answered fewer times than the minimum and keeps the others whole', () => {
		const counts = { nodes: { early: { pay: 3, refuse: 2 }, late: { report: 1, wait: 1 } }, players: 5 };
		expect(publishableCounts(counts, 5)).toEqual({ nodes: { early: { pay: 3, refuse: 2 } }, players: 5 });
		expect(publishableCounts(counts, 2)).toEqual(counts);
	});
});

describe('what others chose', () => {
	it('counts plays and choices from pushed events, refuses a malformed id, and rebuilds the same counts from the events', async () => {
		const services = servicesUnderTest();
		open.push(services);
		const repo = createQuestChoicesRepo(services.handle.sqlite);
		const service = createQuestChoicesService({ questChoices: repo });
		const events = eventFactory();
		const players = [];
		for (let index = 0; index < MINIMUM_ANSWERS_SHOWN + 1; index++) {
			const result = await services.auth.signUp({ login: `player.${index}`, password: 'long-enough-password' });
			if (!result.ok) throw new Error('sign-up');
			players.push({ sessionId: 's', accountId: `account-${index}`, personId: result.value.personId, kind: 'profile' as const });
		}
		for (const [index, player] of players.entries()) {
			const me = { kind: 'learner' as const, id: player.personId };
			const playId = `0190aaaa-0000-7000-8000-0000000000${String(index).padStart(2, '0')}`;
			const batch = [events.questStarted(me, 'exam-envelope', playId), events.questChoice(me, 'exam-envelope', playId, 'collection', index < 2 ? 'pay' : 'refuse', 1)];
			if (index === 0) batch.push(events.questChoice(me, 'exam-envelope', playId, 'director', 'speak', 2));
			await services.sync.push(player, { protocol: SYNC_PROTOCOL, deviceId: `device-${index}`, sentAt: '2026-11-26T09:59:58.000Z', events: batch });
		}
		const shown = await service.choicesOf('exam-envelope');
		// The director's decision was taken once: too few to show without pointing at someone.
		expect(shown).toEqual({ ok: true, value: { questId: 'exam-envelope', nodes: { collection: { pay: 2, refuse: 4 } }, players: 6 } });
		expect(await service.choicesOf('Exam Envelope')).toEqual({ ok: false, message: 'A quest id is a kebab-case content id.' });
		expect(await service.choicesOf('never-played')).toEqual({ ok: true, value: { questId: 'never-played', nodes: {}, players: 0 } });

		const before = await repo.countsOf('exam-envelope');
		services.handle.sqlite.exec("update quest_choice_counts set count = 99; delete from quest_play_counts;");
		expect(await repo.rebuild()).toEqual({ choices: 3, plays: 1 });
		expect(await repo.countsOf('exam-envelope')).toEqual(before);
	});
});
