/** What the header says about sync, from the loop's state: the words and the tone, for SyncStatus. */
import { m } from '$lib/paraglide/messages';
import type { SyncPhase } from '$lib/sync/sync-loop.svelte';
import { formatDate } from '$lib/utils/format-date';

/** Unsynced work older than this gets a warning: a lost or broken phone would take it with it. */
export const OLD_UNSYNCED_DAYS = 3;

export interface SyncStatusInput {
	phase: SyncPhase;
	waiting: number;
	lastError: string | null;
	lastSyncedAt: string | null;
	oldestWaitingAt: string | null;
	activeIsGuest: boolean;
	/** Offline, a failed attempt is expected: the actions simply wait, which is not an error. */
	online: boolean;
}

export function syncStatusView(input: SyncStatusInput, locale: string, now: Date) {
	const lastSynced = input.lastSyncedAt ? m.sync_last_synced({ when: formatDate(new Date(input.lastSyncedAt), locale, 'date-time') }) : undefined;
	if (input.phase === 'outdated') return { tone: 'problem' as const, label: m.sync_outdated(), detail: lastSynced, retry: false };
	if (input.waiting === 0) return { tone: 'saved' as const, label: m.sync_saved(), detail: lastSynced, retry: false };
	if (input.activeIsGuest) return { tone: 'device-only' as const, label: m.sync_device_only(), detail: m.sync_device_only_detail(), retry: false };
	if (input.phase === 'syncing') return { tone: 'syncing' as const, label: m.sync_syncing(), detail: lastSynced, retry: false };
	const days = input.oldestWaitingAt ? Math.floor((now.getTime() - Date.parse(input.oldestWaitingAt)) / 86_400_000) : 0;
	if (input.phase === 'waiting' && input.lastError && input.online) {
		return { tone: 'problem' as const, label: m.sync_failed({ count: input.waiting }), detail: [lastSynced, input.lastError].filter(Boolean).join(' · '), retry: true };
	}
	if (days >= OLD_UNSYNCED_DAYS) return { tone: 'problem' as const, label: m.sync_waiting_old({ count: input.waiting, days }), detail: lastSynced, retry: true };
	return { tone: 'waiting' as const, label: m.sync_waiting({ count: input.waiting }), detail: lastSynced, retry: false };
}
