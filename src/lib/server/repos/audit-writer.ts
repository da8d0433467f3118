import type Database from 'better-sqlite3';
import type { AuditEntry } from './accounts.repo';

/**
 * Writes an audit entry with plain SQL, inside a transaction the caller holds: for repositories that work on the
 * better-sqlite3 connection directly (the drizzle ones insert into `auditLog` themselves).
 */
export function auditWriter(sqlite: Database.Database): (entry: AuditEntry) => void {
	const insert = sqlite.prepare(
		`insert into audit_log (id, at, actor_account_id, action, subject_person_id, scope_kind, scope_id, details) values (?, ?, ?, ?, ?, ?, ?, ?)`
	);
	return (entry) =>
		insert.run(entry.id, entry.at, entry.actorAccountId, entry.action, entry.subjectPersonId, entry.scopeKind ?? null, entry.scopeId ?? null, JSON.stringify(entry.details ?? null));
}
