/**
 * Who may run a quest with a class on this screen: a signed-in account, with the class named in the link. When the
 * server's list of the teacher's classes is at hand (online) the class must be on it; offline the device trusts the
 * link, and the server checks the teacher's right to the class when the events are sent.
 */
export type ClassAccess = { kind: 'signed-out' } | { kind: 'no-class' } | { kind: 'not-yours' } | { kind: 'ok'; classId: string; className?: string };

export function classAccess(
	profile: { kind: 'guest' | 'account' } | undefined,
	classId: string | null,
	taught: { id: string; name: string }[] | undefined
): ClassAccess {
	if (profile?.kind !== 'account') return { kind: 'signed-out' };
	if (!classId) return { kind: 'no-class' };
	if (taught === undefined) return { kind: 'ok', classId };
	const found = taught.find((candidate) => candidate.id === classId);
	return found ? { kind: 'ok', classId, className: found.name } : { kind: 'not-yours' };
}
