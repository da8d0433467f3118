/**
 * The certificate as an Open Badges 3.0 credential (a W3C Verifiable Credential 2.0 of type OpenBadgeCredential),
 * secured as a VC-JWT (OB 3.0 §8.2: the JWT payload is the credential, with iss, jti, nbf and sub beside it), and the
 * compact token a QR code carries. Pure: strings come in as arguments, nothing is read from the clock or the network.
 *
 * Personal data: the recipient appears as a pseudonym (`urn:taza:person:…`, a keyed hash of the person id that only
 * the server can compute) and the name shown on the certificate — nothing else (no phone, login or organisation).
 */

export const OB_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const;
/** JOSE `typ` of the full credential and of the compact QR token: the signature covers it, so one cannot pass for the other. */
export const CREDENTIAL_TYP = 'JWT';
export const COMPACT_TYP = 'taza-cert+jwt';

export type CertificateKind = 'course' | 'training';
export const CERTIFICATE_KINDS: readonly CertificateKind[] = ['course', 'training'];

/** What a certificate says, whichever form carried it: this is what a verifier shows. */
export interface CertificateView {
	/** UUID (the credential id is `urn:uuid:<id>`). */
	id: string;
	kind: CertificateKind;
	/** The course or training programme id. */
	achievementId: string;
	achievementName: string;
	/** The content version it was earned on. */
	version: string;
	recipientName: string;
	/** ISO instant. */
	issuedAt: string;
	/** The language the certificate was written in. */
	locale: string;
}

export interface CredentialInput extends CertificateView {
	/** `urn:taza:person:…`, never the internal person id. */
	recipientPseudonym: string;
	issuer: { id: string; name: string };
	/** Short texts in the certificate's language (OB requires a description and criteria). */
	achievementDescription: string;
	criteriaNarrative: string;
}

export interface OpenBadgeCredential {
	'@context': string[];
	id: string;
	type: ['VerifiableCredential', 'OpenBadgeCredential'];
	issuer: { id: string; type: ['Profile']; name: string };
	validFrom: string;
	name: string;
	credentialSubject: {
		id: string;
		type: ['AchievementSubject'];
		identifier: { type: 'IdentityObject'; identityType: 'name'; hashed: false; identityHash: string }[];
		achievement: {
			id: string;
			type: ['Achievement'];
			achievementType: 'Certificate' | 'Course';
			name: string;
			description: string;
			criteria: { narrative: string };
			version: string;
			inLanguage: string;
		};
	};
}

/** The JWT claims set: the credential plus the registered claims OB 3.0 maps onto it. */
export type CredentialClaims = OpenBadgeCredential & { iss: string; jti: string; sub: string; nbf: number };

/** The QR code's token: the same facts in short keys, so the code stays small enough for a cheap phone's camera. */
export interface CompactClaims {
	jti: string;
	/** seconds, as JWT times are */
	iat: number;
	k: CertificateKind;
	a: string;
	t: string;
	v: string;
	n: string;
	l: string;
}

const ACHIEVEMENT_PREFIX: Record<CertificateKind, string> = { course: 'urn:taza:course:', training: 'urn:taza:training:' };

export function credentialClaims(input: CredentialInput): CredentialClaims {
	const validFrom = wholeSeconds(input.issuedAt);
	const credential: OpenBadgeCredential = {
		'@context': [...OB_CONTEXT],
		id: `urn:uuid:${input.id}`,
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		issuer: { id: input.issuer.id, type: ['Profile'], name: input.issuer.name },
		validFrom,
		name: input.achievementName,
		credentialSubject: {
			id: input.recipientPseudonym,
			type: ['AchievementSubject'],
			identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: input.recipientName }],
			achievement: {
				id: `${ACHIEVEMENT_PREFIX[input.kind]}${input.achievementId}`,
				type: ['Achievement'],
				achievementType: input.kind === 'course' ? 'Course' : 'Certificate',
				name: input.achievementName,
				description: input.achievementDescription,
				criteria: { narrative: input.criteriaNarrative },
				version: input.version,
				inLanguage: input.locale
			}
		}
	};
	return { ...credential, iss: credential.issuer.id, jti: credential.id, sub: credential.credentialSubject.id, nbf: Date.parse(validFrom) / 1000 };
}

export function compactClaims(view: CertificateView): CompactClaims {
	return {
		jti: view.id,
		iat: Date.parse(wholeSeconds(view.issuedAt)) / 1000,
		k: view.kind,
		a: view.achievementId,
		t: view.achievementName,
		v: view.version,
		n: view.recipientName,
		l: view.locale
	};
}

/** JWT times are whole seconds; the credential's validFrom says the same instant. */
export function wholeSeconds(iso: string): string {
	return new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isText = (value: unknown, max = 500): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;
const isKind = (value: unknown): value is CertificateKind => value === 'course' || value === 'training';

/** The facts of a signed full credential, or undefined when it is not a Taza certificate's shape. */
export function viewOfCredentialClaims(payload: unknown): CertificateView | undefined {
	if (typeof payload !== 'object' || payload === null) return undefined;
	const claims = payload as Partial<CredentialClaims>;
	if (!Array.isArray(claims.type) || !claims.type.includes('OpenBadgeCredential')) return undefined;
	const id = typeof claims.id === 'string' && claims.id.startsWith('urn:uuid:') ? claims.id.slice('urn:uuid:'.length) : undefined;
	const achievement = claims.credentialSubject?.achievement;
	const name = claims.credentialSubject?.identifier?.find((identity) => identity?.identityType === 'name')?.identityHash;
	const kind = (Object.keys(ACHIEVEMENT_PREFIX) as CertificateKind[]).find((candidate) => achievement?.id?.startsWith(ACHIEVEMENT_PREFIX[candidate]));
	if (!id || !UUID.test(id) || claims.jti !== claims.id || !kind || !achievement) return undefined;
	if (!isText(achievement.name) || !isText(achievement.version, 100) || !isText(name) || !isText(achievement.inLanguage, 10)) return undefined;
	if (!isText(claims.validFrom, 40) || Number.isNaN(Date.parse(claims.validFrom)) || claims.nbf !== Date.parse(claims.validFrom) / 1000) return undefined;
	return {
		id,
		kind,
		achievementId: achievement.id!.slice(ACHIEVEMENT_PREFIX[kind].length),
		achievementName: achievement.name,
		version: achievement.version,
		recipientName: name,
		issuedAt: new Date(claims.validFrom).toISOString(),
		locale: achievement.inLanguage
	};
}

export function viewOfCompactClaims(payload: unknown): CertificateView | undefined {
	if (typeof payload !== 'object' || payload === null) return undefined;
	const claims = payload as Partial<CompactClaims>;
	if (!isText(claims.jti, 36) || !UUID.test(claims.jti) || !isKind(claims.k) || !isText(claims.a, 100) || !isText(claims.t)) return undefined;
	if (!isText(claims.v, 100) || !isText(claims.n) || !isText(claims.l, 10) || typeof claims.iat !== 'number' || !Number.isInteger(claims.iat)) return undefined;
	return {
		id: claims.jti,
		kind: claims.k,
		achievementId: claims.a,
		achievementName: claims.t,
		version: claims.v,
		recipientName: claims.n,
		issuedAt: new Date(claims.iat * 1000).toISOString(),
		locale: claims.l
	};
}
