import { describe, expect, it } from 'vitest';
import { guestProfile, type ProfileRow } from './database';
import { guestAfterLeaving, guestToOffer, subjectIdsOf } from './profile-rules';

const account = (id: string, lastUsedAt: string): ProfileRow => ({ ...guestProfile(id, null, lastUsedAt), kind: 'account', token: 't', secret: 'password' });

describe('profile rules', () => {
	it('offer the active guest to a sign-in, but not when a person is being added beside it, nor an account', () => {
		const guest = guestProfile('guest-1', null, '2026-11-26T10:00:00Z');
		expect(guestToOffer(guest, false)).toBe('guest-1');
		expect(guestToOffer(guest, true)).toBeUndefined();
		expect(guestToOffer(account('person-1', '2026-11-26T10:00:00Z'), false)).toBeUndefined();
		expect(guestToOffer(undefined, false)).toBeUndefined();
	});

	it('hand the device to the guest used last when a profile leaves, never to an account (it needs its secret)', () => {
		const profiles = [
			guestProfile('guest-old', null, '2026-11-20T10:00:00Z'),
			guestProfile('guest-recent', 'Апа', '2026-11-25T10:00:00Z'),
			account('person-newest', '2026-11-26T10:00:00Z')
		];
		expect(guestAfterLeaving(profiles, 'person-newest')?.id).toBe('guest-recent');
		expect(guestAfterLeaving(profiles, 'guest-recent')?.id).toBe('guest-old');
		expect(guestAfterLeaving([account('person-1', '2026-11-26T10:00:00Z')], 'person-1')).toBeUndefined();
	});

	it("name a profile's events by its own id and the guest ids it took over", () => {
		expect(subjectIdsOf({ id: 'person-1', aliases: ['guest-1'] })).toEqual(['person-1', 'guest-1']);
	});
});
