import type Database from 'better-sqlite3';

export interface AttachmentRow {
	sha256: string;
	contentType: string;
	bytes: number;
	createdAt: string;
	completedAt: string | null;
}

/**
 * What the server knows of attachments (`attachments`, `attachment_uploaders`) and who may read one back: its
 * uploaders, whoever submitted an assignment that names it, and the trainers of a seminar where such a person is a
 * participant. Raw SQL: the reader rule reads event bodies with SQLite's JSON functions.
 */
export function createAttachmentsRepo(sqlite: Database.Database) {
	const find = sqlite.prepare<[string], AttachmentRow>(
		'select sha256, content_type as contentType, bytes, created_at as createdAt, completed_at as completedAt from attachments where sha256 = ?'
	);
	const insert = sqlite.prepare('insert into attachments (sha256, content_type, bytes, created_at, completed_at) values (?, ?, ?, ?, null) on conflict do nothing');
	const addUploader = sqlite.prepare('insert into attachment_uploaders (sha256, person_id, at) values (?, ?, ?) on conflict do nothing');
	const complete = sqlite.prepare('update attachments set completed_at = ? where sha256 = ?');
	const remove = sqlite.prepare('delete from attachments where sha256 = ?');
	// People whose assignment names the photo, or who sent it: the photo is theirs.
	const owners = `
		select person_id from attachment_uploaders where sha256 = @sha256
		union
		select e.person_id from events e, json_each(json_extract(e.body, '$.payload.attachments')) as photo
		where e.type = 'assignment.submitted' and photo.value = @sha256 and e.person_id is not null`;
	const mayRead = sqlite.prepare<{ sha256: string; personId: string; now: string }, { allowed: number }>(`
		with owner(person_id) as (${owners})
		select exists (select 1 from owner where person_id = @personId)
			or exists (
				select 1 from memberships trainer
				join memberships participant on participant.scope_kind = 'seminar' and participant.scope_id = trainer.scope_id and participant.role = 'learner'
				where trainer.person_id = @personId and trainer.role = 'trainer' and trainer.scope_kind = 'seminar'
					and trainer.valid_from <= @now and (trainer.valid_to is null or trainer.valid_to > @now)
					and participant.person_id in (select person_id from owner)
			) as allowed`);

	return {
		async find(sha256: string): Promise<AttachmentRow | undefined> {
			return find.get(sha256);
		},
		/** The first chunk of an upload: the row that fixes its length and type, and who sends it. */
		async begin(input: { sha256: string; contentType: string; bytes: number; personId: string; at: string }): Promise<void> {
			sqlite.transaction(() => {
				insert.run(input.sha256, input.contentType, input.bytes, input.at);
				addUploader.run(input.sha256, input.personId, input.at);
			})();
		},
		async addUploader(sha256: string, personId: string, at: string): Promise<void> {
			addUploader.run(sha256, personId, at);
		},
		async complete(sha256: string, at: string): Promise<void> {
			complete.run(at, sha256);
		},
		/** A finished upload whose bytes were not its hash: nothing of it is kept. */
		async remove(sha256: string): Promise<void> {
			remove.run(sha256);
		},
		async mayRead(sha256: string, personId: string, now: string): Promise<boolean> {
			return mayRead.get({ sha256, personId, now })?.allowed === 1;
		}
	};
}

export type AttachmentsRepo = ReturnType<typeof createAttachmentsRepo>;
