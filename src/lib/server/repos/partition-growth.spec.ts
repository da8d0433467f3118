import { afterEach, describe, expect, it } from 'vitest';
import { servicesUnderTest, type ServicesUnderTest } from '../../../../tests/support/server-services';
import { logExistingSummaries } from './partition-growth';

const open: ServicesUnderTest[] = [];
afterEach(() => open.splice(0).forEach((services) => services.close()));

describe('logExistingSummaries', () => {
	it("appends each newcomer's summaries after the partition's last entry, and nothing for someone with none", () => {
		const services = servicesUnderTest();
		open.push(services);
		const { sqlite, db } = services.handle;
		const summary = sqlite.prepare(
			"insert into course_summaries (person_id, course_id, rule_version, summary, updated_at) values (?, ?, 1, '{}', '2026-11-26T10:00:00Z')"
		);
		summary.run('pupil-1', 'ethics');
		summary.run('pupil-1', 'rights');
		sqlite.prepare("insert into partition_counters (partition, last_seq) values ('class:7a', 4)").run();

		expect(db.transaction((tx) => logExistingSummaries(tx, 'class:7a', ['pupil-1', 'pupil-2'], '2026-11-27T08:00:00Z'))).toBe(2);
		expect(db.transaction((tx) => logExistingSummaries(tx, 'class:7a', ['pupil-2'], '2026-11-27T08:00:00Z'))).toBe(0);
		expect(sqlite.prepare('select seq, entry_key as key from change_log where partition = ? order by seq').all('class:7a')).toEqual([
			{ seq: 5, key: 'pupil-1 ethics' },
			{ seq: 6, key: 'pupil-1 rights' }
		]);
		expect(sqlite.prepare("select last_seq from partition_counters where partition = 'class:7a'").pluck().get()).toBe(6);
	});
});
