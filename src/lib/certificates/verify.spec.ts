import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPACT_TYP, CREDENTIAL_TYP, compactClaims, credentialClaims, type CredentialInput } from './credential';
import type { Ed25519PublicJwk, IssuerPublicKey } from './issuer-keys';
import { nobleCheck, verifyCertificateToken, withRevocation, type RevocationStatus } from './verify';
import { tokenFromInput, verifyUrl } from './verify-input';

const INPUT: CredentialInput = {
	id: '0196b1c2-3d4e-7f50-8a61-b2c3d4e5f607',
	kind: 'course',
	achievementId: 'integrity-public-service',
	achievementName: 'Мамлекеттик кызматтагы ак ниеттүүлүк',
	version: 'a1b2c3d4e5f60718',
	recipientName: 'Айгүл Өмүрбекова',
	issuedAt: '2026-05-12T08:33:12.345Z',
	locale: 'ky',
	recipientPseudonym: 'urn:taza:person:Zk3n8aQ1xLw0Pq9rT2uV4w',
	issuer: { id: 'https://taza.example', name: 'Taza' },
	achievementDescription: 'Милдеттүү курс',
	criteriaNarrative: 'Жыйынтыктоочу тест тапшырылды'
};

type Signer = { kid: string; privateKey: CryptoKey; publicKeyJwk: Ed25519PublicJwk };

async function newSigner(kid: string): Promise<Signer> {
	const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
	const { kty, crv, x } = await exportJWK(publicKey);
	return { kid, privateKey, publicKeyJwk: { kty: kty as 'OKP', crv: crv as 'Ed25519', x: x! } };
}

const ring = (signer: Signer, validFrom = '2026-01-01T00:00:00Z', validUntil: string | null = null): IssuerPublicKey => ({
	kid: signer.kid,
	publicKeyJwk: signer.publicKeyJwk,
	validFrom,
	validUntil
});

async function sign(signer: Signer, payload: unknown, typ: string): Promise<string> {
	return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', kid: signer.kid, typ }).sign(signer.privateKey);
}

/** Decodes the payload, lets a test change it, and puts it back with the original signature: what a forger does. */
function tamper(token: string, change: (payload: Record<string, unknown>) => void): string {
	const [header, payload, signature] = token.split('.') as [string, string, string];
	const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
	change(claims);
	return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

describe('a certificate signed on the server and verified offline', () => {
	let current: Signer;
	let other: Signer;
	let credential: string;
	let compact: string;

	beforeAll(async () => {
		current = await newSigner('taza-2026-a');
		other = await newSigner('taza-2026-b');
		credential = await sign(current, credentialClaims(INPUT), CREDENTIAL_TYP);
		compact = await sign(current, compactClaims(INPUT), COMPACT_TYP);
	});

	it('is an Open Badges 3.0 credential naming the course, its version and the recipient by pseudonym and name', () => {
		const claims = credentialClaims(INPUT);
		expect(claims.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(claims['@context'][0]).toBe('https://www.w3.org/ns/credentials/v2');
		expect(claims.credentialSubject.achievement).toMatchObject({ id: 'urn:taza:course:integrity-public-service', version: 'a1b2c3d4e5f60718', inLanguage: 'ky' });
		expect(claims.credentialSubject.id).toBe(INPUT.recipientPseudonym);
		expect(claims.credentialSubject.identifier[0]).toMatchObject({ identityType: 'name', hashed: false, identityHash: 'Айгүл Өмүрбекова' });
		expect(claims).toMatchObject({ jti: `urn:uuid:${INPUT.id}`, iss: 'https://taza.example', sub: INPUT.recipientPseudonym, validFrom: '2026-05-12T08:33:12Z', nbf: 1778574792 });
	});

	it('round-trips both forms: the full credential and the QR token say the same', async () => {
		const full = await verifyCertificateToken(credential, [ring(current)]);
		const small = await verifyCertificateToken(compact, [ring(current)]);
		const expected = { ...INPUT, issuedAt: '2026-05-12T08:33:12.000Z' };
		expect(full).toMatchObject({ status: 'valid', form: 'credential', kid: 'taza-2026-a' });
		expect(small).toMatchObject({ status: 'valid', form: 'compact', kid: 'taza-2026-a' });
		for (const verdict of [full, small]) {
			if (verdict.status !== 'valid') throw new Error(verdict.status);
			expect(verdict.certificate).toEqual({
				id: expected.id,
				kind: expected.kind,
				achievementId: expected.achievementId,
				achievementName: expected.achievementName,
				version: expected.version,
				recipientName: expected.recipientName,
				issuedAt: expected.issuedAt,
				locale: expected.locale
			});
		}
	});

	it('is tampered when one character of the name changes', async () => {
		const forged = tamper(compact, (claims) => (claims.n = 'Айгүл Өмүрбекава'));
		expect(await verifyCertificateToken(forged, [ring(current)])).toEqual({ status: 'tampered' });
		const forgedCredential = tamper(credential, (claims) => {
			const subject = claims.credentialSubject as { identifier: { identityHash: string }[] };
			subject.identifier[0]!.identityHash = 'Айгүл Өмүрбекава';
		});
		expect(await verifyCertificateToken(forgedCredential, [ring(current)])).toEqual({ status: 'tampered' });
	});

	it('is tampered when one digit of the date changes, or one character of the signature', async () => {
		expect(await verifyCertificateToken(tamper(compact, (claims) => (claims.iat = (claims.iat as number) + 86_400)), [ring(current)])).toEqual({ status: 'tampered' });
		expect(await verifyCertificateToken(tamper(credential, (claims) => (claims.validFrom = '2025-05-12T08:33:12Z')), [ring(current)])).toEqual({ status: 'tampered' });
		const signature = compact.split('.')[2]!;
		const flipped = `${compact.slice(0, compact.length - signature.length)}${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
		expect(await verifyCertificateToken(flipped, [ring(current)])).toEqual({ status: 'tampered' });
	});

	it('is tampered when checked against the wrong key under the same id', async () => {
		expect(await verifyCertificateToken(compact, [{ ...ring(other), kid: current.kid }])).toEqual({ status: 'tampered' });
	});

	it('names a key the app does not know', async () => {
		expect(await verifyCertificateToken(compact, [ring(other)])).toEqual({ status: 'unknown-key', kid: 'taza-2026-a' });
	});

	it('refuses a certificate dated outside its key’s window, and accepts older ones after a rotation', async () => {
		const retired = ring(current, '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z');
		expect((await verifyCertificateToken(compact, [retired])).status).toBe('key-not-valid');
		const early = await sign(current, compactClaims({ ...INPUT, issuedAt: '2026-02-10T10:00:00Z' }), COMPACT_TYP);
		expect((await verifyCertificateToken(early, [retired, ring(other, '2026-03-01T00:00:00Z')])).status).toBe('valid');
		const beforeKey = await sign(current, compactClaims({ ...INPUT, issuedAt: '2025-12-31T23:59:59Z' }), COMPACT_TYP);
		expect((await verifyCertificateToken(beforeKey, [ring(current)])).status).toBe('key-not-valid');
	});

	it('is revoked when the server says so, and only for that certificate', async () => {
		const verdict = await verifyCertificateToken(compact, [ring(current)]);
		const revoked: RevocationStatus = { id: INPUT.id, status: 'revoked', revokedAt: '2026-06-01T00:00:00.000Z', reason: 'issued-in-error' };
		expect(withRevocation(verdict, revoked)).toMatchObject({ status: 'revoked', reason: 'issued-in-error', certificate: { recipientName: INPUT.recipientName } });
		expect(withRevocation(verdict, { ...revoked, id: '0196b1c2-3d4e-7f50-8a61-000000000000' }).status).toBe('valid');
		expect(withRevocation(verdict, { ...revoked, status: 'active', revokedAt: null, reason: null }).status).toBe('valid');
		expect(withRevocation({ status: 'tampered' }, revoked).status).toBe('tampered');
	});

	it('verifies in plain JavaScript where the browser has no Ed25519 in WebCrypto', async () => {
		expect((await verifyCertificateToken(compact, [ring(current)], { check: nobleCheck })).status).toBe('valid');
		const forged = tamper(compact, (claims) => (claims.n = 'Someone Else'));
		expect(await verifyCertificateToken(forged, [ring(current)], { check: nobleCheck })).toEqual({ status: 'tampered' });
	});

	it('says what is wrong with text that is no certificate at all', async () => {
		expect((await verifyCertificateToken('hello', [ring(current)])).status).toBe('malformed');
		expect((await verifyCertificateToken('e30.e30.e30', [ring(current)])).status).toBe('malformed');
		const unsigned = await sign(current, { hello: 'world' }, COMPACT_TYP);
		expect(await verifyCertificateToken(unsigned, [ring(current)])).toEqual({ status: 'malformed', problem: 'signed, but not a Taza certificate' });
	});

	it('finds the token in a verify link, a fragment, a certificate file or the token alone', () => {
		const url = verifyUrl('https://taza.example/', 'ru', compact);
		expect(url).toBe(`https://taza.example/ru/verify#${compact}`);
		expect(tokenFromInput(url)).toBe(compact);
		expect(tokenFromInput(`#${compact}`)).toBe(compact);
		expect(tokenFromInput(`  ${compact}\n`)).toBe(compact);
		expect(tokenFromInput(JSON.stringify({ credential }))).toBe(credential);
		expect(tokenFromInput('nothing here')).toBeUndefined();
	});
});
