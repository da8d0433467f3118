import type { AnswerKeys, Catalogue, Locale } from '$lib/content/pack.types';
import {
	COMPACT_TYP,
	CREDENTIAL_TYP,
	compactClaims,
	credentialClaims,
	viewOfCompactClaims,
	type CertificateKind,
	type CertificateView
} from '$lib/certificates/credential';
import type { RevocationReason, RevocationStatus } from '$lib/certificates/verify';
import { activeMemberships, holdsRole } from '$lib/identity/memberships';
import { earnedCourseVersion } from '../certificates/earned-version';
import type { CertificateSigner } from '../certificates/key-ring';
import type { CertificateRecord, CertificatesRepo } from '../repos/certificates.repo';
import type { MembershipsRepo } from '../repos/memberships.repo';
import type { OrganisationsRepo } from '../repos/organisations.repo';
import type { CurrentSession } from './auth.service';

/** The credential's own short texts, in the certificate's language (the route supplies them from the message catalogue). */
export type CredentialTextsFor = (kind: CertificateKind, locale: Locale, achievementName: string) => { description: string; criteria: string };

export interface CertificatesDependencies {
	certificates: CertificatesRepo;
	memberships: Pick<MembershipsRepo, 'forPerson'>;
	organisations: Pick<OrganisationsRepo, 'assignmentsFor'>;
	catalogue: Catalogue;
	answerKeys: AnswerKeys;
	signer: CertificateSigner;
	issuer: { id: string; name: string };
	texts: CredentialTextsFor;
	newId: () => string;
	now: () => Date;
}

export type CertificateFailure = {
	code: 'course-unknown' | 'not-mandatory' | 'not-completed' | 'name-missing' | 'name-invalid' | 'not-found' | 'forbidden' | 'already-revoked';
};

type Result<T> = { ok: true; value: T } | { ok: false; failure: CertificateFailure };

/** What the learner's page and the PDF get: the facts, both signed forms and where the certificate stands. */
export interface CertificateDto extends CertificateView {
	credential: string | null;
	qrToken: string | null;
	revokedAt: string | null;
	reason: RevocationReason | null;
}

export const NAME_MIN = 2;
export const NAME_MAX = 120;

function decodePayload(token: string): unknown {
	return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

/** A stored row as the learner's page shows it; the names come from the token the server signed. */
export function certificateDto(record: CertificateRecord): CertificateDto {
	const view = record.qrToken ? viewOfCompactClaims(decodePayload(record.qrToken)) : undefined;
	return {
		id: record.id,
		kind: record.kind,
		achievementId: record.achievementId,
		achievementName: view?.achievementName ?? '',
		version: record.version,
		recipientName: view?.recipientName ?? '',
		issuedAt: record.issuedAt,
		locale: record.locale,
		credential: record.credential,
		qrToken: record.qrToken,
		revokedAt: record.revokedAt,
		reason: record.reason
	};
}

/** Issuing, listing, revoking and answering for certificates (DESIGN §6). The access policy has decided who may ask. */
export function createCertificatesService(deps: CertificatesDependencies) {
	async function issue(input: {
		personId: string;
		kind: CertificateKind;
		achievementId: string;
		achievementName: string;
		version: string;
		locale: Locale;
		recipientName: string;
		issuedBy: string | null;
		actorAccountId: string | null;
		saveName: boolean;
	}): Promise<{ created: boolean; record: CertificateRecord }> {
		const existing = await deps.certificates.find({ personId: input.personId, kind: input.kind, achievementId: input.achievementId, version: input.version });
		if (existing) return { created: false, record: existing };
		const now = deps.now();
		const id = deps.newId();
		const view: CertificateView = {
			id,
			kind: input.kind,
			achievementId: input.achievementId,
			achievementName: input.achievementName,
			version: input.version,
			recipientName: input.recipientName,
			issuedAt: now.toISOString(),
			locale: input.locale
		};
		const texts = deps.texts(input.kind, input.locale, input.achievementName);
		const claims = credentialClaims({
			...view,
			recipientPseudonym: deps.signer.pseudonym(input.personId),
			issuer: deps.issuer,
			achievementDescription: texts.description,
			criteriaNarrative: texts.criteria
		});
		const credential = await deps.signer.sign(claims, CREDENTIAL_TYP, now);
		const qrToken = await deps.signer.sign(compactClaims(view), COMPACT_TYP, now);
		const at = now.toISOString();
		const details = { certificateId: id, kind: input.kind, achievementId: input.achievementId, version: input.version };
		return deps.certificates.insertOnce(
			{
				id,
				personId: input.personId,
				kind: input.kind,
				achievementId: input.achievementId,
				version: input.version,
				locale: input.locale,
				issuedAt: at,
				issuedBy: input.issuedBy,
				keyId: deps.signer.currentKeyId(now) ?? '',
				credential,
				qrToken,
				revokedAt: null,
				revokedBy: null,
				reason: null
			},
			{ id: deps.newId(), at, actorAccountId: input.actorAccountId, action: 'certificate.issued', subjectPersonId: input.personId, scopeKind: 'programme', scopeId: 'programme', details },
			input.saveName ? input.recipientName : undefined
		);
	}

	/** Whether an organisation the person learns in now has assigned the course: then it is mandatory for them. */
	async function assignedByOrganisation(personId: string, courseId: string): Promise<boolean> {
		const scopes = activeMemberships(await deps.memberships.forPerson(personId), deps.now())
			.filter((membership) => membership.role === 'learner' && membership.scopeKind === 'organisation')
			.map((membership) => ({ scopeKind: 'organisation' as const, scopeId: membership.scopeId }));
		return (await deps.organisations.assignmentsFor(scopes)).some((assignment) => assignment.courseId === courseId);
	}

	async function mandatoryFor(personId: string, courseId: string): Promise<boolean> {
		const course = deps.catalogue.courses.find((candidate) => candidate.id === courseId);
		return course !== undefined && (course.mandatory || (await assignedByOrganisation(personId, courseId)));
	}

	return {
		/** The caller's certificates, and the completed mandatory courses they may still ask one for. */
		async mine(session: CurrentSession) {
			const held = await deps.certificates.forPerson(session.personId);
			const completed = await deps.certificates.completedCourses(session.personId);
			const eligible = [];
			for (const row of completed) {
				if (held.some((record) => record.kind === 'course' && record.achievementId === row.courseId)) continue;
				if (await mandatoryFor(session.personId, row.courseId)) eligible.push(row);
			}
			return { certificates: held.map(certificateDto), eligible, nameOnRecord: (await deps.certificates.displayName(session.personId)) !== null };
		},

		/**
		 * A learner's certificate for a mandatory course the server holds as completed (its summary re-graded there), on
		 * the version it was earned on. Asking again gives the same certificate. A person with no name on record gives
		 * the name to print, which is kept with their personal data.
		 */
		async issueCourseCertificate(session: CurrentSession, input: { courseId: string; locale: Locale; name?: string }): Promise<Result<{ created: boolean; certificate: CertificateDto }>> {
			const course = deps.catalogue.courses.find((candidate) => candidate.id === input.courseId);
			if (!course) return { ok: false, failure: { code: 'course-unknown' } };
			if (!(await mandatoryFor(session.personId, course.id))) return { ok: false, failure: { code: 'not-mandatory' } };
			const completion = (await deps.certificates.completedCourses(session.personId)).find((row) => row.courseId === course.id);
			if (!completion) return { ok: false, failure: { code: 'not-completed' } };
			const version = earnedCourseVersion({ course, completedAt: completion.completedAt, events: await deps.certificates.versionedCourseEvents(session.personId, course.id), answerKeys: deps.answerKeys });
			const existing = await deps.certificates.find({ personId: session.personId, kind: 'course', achievementId: course.id, version });
			if (existing) return { ok: true, value: { created: false, certificate: certificateDto(existing) } };
			const onRecord = await deps.certificates.displayName(session.personId);
			const typed = input.name?.trim().replace(/\s+/g, ' ');
			if (onRecord === null && typed === undefined) return { ok: false, failure: { code: 'name-missing' } };
			if (onRecord === null && (typed!.length < NAME_MIN || typed!.length > NAME_MAX)) return { ok: false, failure: { code: 'name-invalid' } };
			const issued = await issue({
				personId: session.personId,
				kind: 'course',
				achievementId: course.id,
				achievementName: course.locales[input.locale].title,
				version,
				locale: input.locale,
				recipientName: onRecord ?? typed!,
				issuedBy: null,
				actorAccountId: session.accountId,
				saveName: onRecord === null
			});
			return { ok: true, value: { created: issued.created, certificate: certificateDto(issued.record) } };
		},

		/**
		 * The hook teacher-training completion calls when a person meets the programme's rule (issue #7): the same
		 * certificate for the same person, programme and version, whoever asks again. `issuedBy` is the trainer's account
		 * (they may revoke it later); the name is the one on record.
		 */
		async issueTrainingCertificate(input: {
			personId: string;
			programmeId: string;
			programmeName: string;
			version: string;
			locale: Locale;
			issuedBy: { accountId: string } | null;
		}): Promise<Result<{ created: boolean; certificate: CertificateDto }>> {
			const name = await deps.certificates.displayName(input.personId);
			if (name === null) return { ok: false, failure: { code: 'name-missing' } };
			const issued = await issue({
				personId: input.personId,
				kind: 'training',
				achievementId: input.programmeId,
				achievementName: input.programmeName,
				version: input.version,
				locale: input.locale,
				recipientName: name,
				issuedBy: input.issuedBy?.accountId ?? null,
				actorAccountId: input.issuedBy?.accountId ?? null,
				saveName: false
			});
			return { ok: true, value: { created: issued.created, certificate: certificateDto(issued.record) } };
		},

		/** Public: whether a certificate stands. Nothing personal — the id, the state, when and why (a code). */
		async status(id: string): Promise<RevocationStatus | undefined> {
			const record = await deps.certificates.byId(id);
			if (!record) return undefined;
			return { id: record.id, status: record.revokedAt ? 'revoked' : 'active', revokedAt: record.revokedAt, reason: record.reason };
		},

		/**
		 * A programme administrator revokes any certificate; a trainer only a training certificate they issued
		 * (the hook for the trainer's own page). The note is kept in the audit log only.
		 */
		async revoke(session: CurrentSession, id: string, input: { reason: RevocationReason; note?: string }): Promise<Result<RevocationStatus>> {
			const record = await deps.certificates.byId(id);
			if (!record) return { ok: false, failure: { code: 'not-found' } };
			const now = deps.now();
			const memberships = await deps.memberships.forPerson(session.personId);
			const admin = holdsRole(memberships, 'programme-admin', now);
			const issuingTrainer = record.kind === 'training' && record.issuedBy === session.accountId && holdsRole(memberships, 'trainer', now);
			if (!admin && !issuingTrainer) return { ok: false, failure: { code: 'forbidden' } };
			const at = now.toISOString();
			const revoked = await deps.certificates.revoke({
				id,
				at,
				by: session.accountId,
				reason: input.reason,
				audit: {
					id: deps.newId(),
					at,
					actorAccountId: session.accountId,
					action: 'certificate.revoked',
					subjectPersonId: record.personId,
					scopeKind: 'programme',
					scopeId: 'programme',
					details: { certificateId: id, kind: record.kind, achievementId: record.achievementId, version: record.version, reason: input.reason, ...(input.note ? { note: input.note } : {}) }
				}
			});
			if (!revoked) return { ok: false, failure: { code: 'already-revoked' } };
			return { ok: true, value: { id, status: 'revoked', revokedAt: at, reason: input.reason } };
		},

		/** A certificate for its holder (to print) or a programme administrator; anyone else learns nothing, not even that it exists. */
		async forHolder(session: CurrentSession, id: string): Promise<CertificateDto | undefined> {
			const record = await deps.certificates.byId(id);
			if (!record) return undefined;
			if (record.personId !== session.personId && !holdsRole(await deps.memberships.forPerson(session.personId), 'programme-admin', deps.now())) return undefined;
			return certificateDto(record);
		}
	};
}

export type CertificatesService = ReturnType<typeof createCertificatesService>;
