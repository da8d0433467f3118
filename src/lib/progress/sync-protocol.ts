/**
 * The sync protocol between a device and the server (DESIGN §4; docs/sync.md is the prose version). Shared by both
 * sides, so a request one builds is exactly what the other checks.
 */
import { z } from 'zod/mini';
import type { CourseSummary } from './course-summary';

/** Bump when a change would make an old client misread the server; older clients are asked to update. */
export const SYNC_PROTOCOL = 1;
export const OLDEST_SUPPORTED_PROTOCOL = 1;

/** Per push: at most this many events and this many bytes once decompressed (a 413 beyond). */
export const MAX_PUSH_EVENTS = 1000;
export const MAX_PUSH_BYTES = 1024 * 1024;
/** The most summaries one pull answers per partition; `more` says to ask again. */
export const MAX_PULL_ENTRIES = 500;

export const pushRequestSchema = z.strictObject({
	protocol: z.int(),
	deviceId: z.string().check(z.minLength(1), z.maxLength(128)),
	/** The device's clock when it sent the batch: the server keeps the offset it sees beside each event. */
	sentAt: z.iso.datetime(),
	/** Checked one by one on the server: one bad event is rejected alone, never the batch. */
	events: z.array(z.unknown()).check(z.maxLength(MAX_PUSH_EVENTS))
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export type PushException =
	| { id: string; status: 'duplicate' }
	| { id: string; status: 'deferred'; reason: string }
	| { id: string; status: 'rejected'; reason: string };

/**
 * `acknowledged`: the first that many events of the batch (all of them, on success) are durable on the server —
 * stored, or held as deferred or rejected — and may leave the outbox. `exceptions` lists the ones not newly stored.
 */
export interface PushResponse {
	protocol: number;
	acknowledged: number;
	exceptions: PushException[];
	serverTime: string;
}

/** Partition names: `learner:<personId>`, `class:<classId>`, `organisation:<organisationId>`. */
export type PartitionKind = 'learner' | 'class' | 'organisation';
export const partitionName = (kind: PartitionKind, id: string) => `${kind}:${id}`;

export const pullRequestSchema = z.strictObject({
	protocol: z.int(),
	/** The last sequence applied per partition; a partition not named starts from 0. */
	cursors: z.record(z.string().check(z.maxLength(200)), z.int().check(z.nonnegative())),
	limit: z.optional(z.int().check(z.positive(), z.lte(MAX_PULL_ENTRIES)))
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export interface PulledPartition {
	partition: string;
	/** Apply the summaries, then store this cursor, in one transaction (G6: no cursor runs ahead of its data). */
	cursor: number;
	more: boolean;
	summaries: CourseSummary[];
}

/** Every partition the caller may read now, each from its cursor; `readable` also lists those with nothing new. */
export interface PullResponse {
	protocol: number;
	partitions: PulledPartition[];
	readable: string[];
	serverTime: string;
}
