import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMPACT_TYP, compactClaims } from '../../certificates/credential';
import { verifyCertificateToken } from '../../certificates/verify';
import { createCertificateSigner, ensureKeyRing, keyRingPath, publicKeysOf, rotateKeyRing, writeKeyRing } from './key-ring';

const VIEW = {
	id: '0196b1c2-3d4e-7f50-8a61-b2c3d4e5f607',
	kind: 'course' as const,
	achievementId: 'integrity-public-service',
	achievementName: 'Честность на государственной службе',
	version: 'a1b2c3d4',
	recipientName: 'Нурлан Асанов',
	locale: 'ru'
};

describe('the certificate key ring', () => {
	const dirs: string[] = [];
	const tempDir = () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'taza-keys-'));
		dirs.push(dir);
		return dir;
	};
	afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

	it('is made once in the data directory, readable by its owner only, and read back the same', () => {
		const dir = tempDir();
		const first = ensureKeyRing(dir, new Date('2026-05-01T00:00:00Z'));
		expect(statSync(keyRingPath(dir)).mode & 0o777).toBe(0o600);
		expect(ensureKeyRing(dir)).toEqual(first);
		expect(first.keys[0]!.kid).toMatch(/^taza-20260501-[A-Za-z0-9_-]{8}$/);
		expect(publicKeysOf(first)[0]).not.toHaveProperty('privateKeyJwk');
		expect(JSON.stringify(publicKeysOf(first))).not.toContain(first.keys[0]!.privateKeyJwk.d);
	});

	it('signs with the current key; after a rotation, certificates of both keys verify and the old key signs no more', async () => {
		const dir = tempDir();
		const ring = ensureKeyRing(dir, new Date('2026-01-01T00:00:00Z'));
		const before = await createCertificateSigner(ring).sign(compactClaims({ ...VIEW, issuedAt: '2026-02-01T00:00:00Z' }), COMPACT_TYP, new Date('2026-02-01T00:00:00Z'));
		const rotated = rotateKeyRing(ring, new Date('2026-03-01T00:00:00Z'));
		writeKeyRing(keyRingPath(dir), rotated);
		const signer = createCertificateSigner(ensureKeyRing(dir));
		const after = await signer.sign(compactClaims({ ...VIEW, issuedAt: '2026-04-01T00:00:00Z' }), COMPACT_TYP, new Date('2026-04-01T00:00:00Z'));
		const keys = publicKeysOf(rotated);
		expect(keys.map((key) => key.validUntil)).toEqual(['2026-03-01T00:00:00.000Z', null]);
		expect(await verifyCertificateToken(before, keys)).toMatchObject({ status: 'valid', kid: keys[0]!.kid });
		expect(await verifyCertificateToken(after, keys)).toMatchObject({ status: 'valid', kid: keys[1]!.kid });
		expect(signer.currentKeyId(new Date('2026-04-01T00:00:00Z'))).toBe(keys[1]!.kid);
	});

	it('gives one person the same pseudonym on every certificate, and another person another', () => {
		const signer = createCertificateSigner(ensureKeyRing(tempDir()));
		expect(signer.pseudonym('person-1')).toBe(signer.pseudonym('person-1'));
		expect(signer.pseudonym('person-1')).not.toBe(signer.pseudonym('person-2'));
		expect(signer.pseudonym('person-1')).toMatch(/^urn:taza:person:[A-Za-z0-9_-]{22}$/);
		expect(signer.pseudonym('person-1')).not.toContain('person-1');
	});
});
