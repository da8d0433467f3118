import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { isIssuerPublicKey, type IssuerPublicKey } from '../src/lib/certificates/issuer-keys.ts';
import { ensureKeyRing, publicKeysOf } from '../src/lib/server/certificates/key-ring.ts';

const VIRTUAL = 'virtual:taza/certificate-keys';

/**
 * The issuer's public keys, bundled into the app so the verify page checks signatures offline
 * (`virtual:taza/certificate-keys`). By default they are read from the data directory the server will use
 * (`TAZA_DATA_DIR`, `./data`), and the key ring is made there if it has none yet — so `npm start`, which builds and
 * then serves from one directory, bundles the key it signs with. A build made elsewhere names a file of public keys
 * instead (`TAZA_CERT_PUBLIC_KEYS`, written by `npm run cert:keys -- export`); nothing private ever enters the bundle.
 */
export function certificateKeys(options: { root: string; env?: Record<string, string | undefined> }): Plugin {
	const env = options.env ?? process.env;
	const read = (): IssuerPublicKey[] => {
		const file = env.TAZA_CERT_PUBLIC_KEYS;
		if (file) {
			const keys = JSON.parse(readFileSync(path.resolve(options.root, file), 'utf8')) as unknown;
			if (!Array.isArray(keys) || keys.length === 0 || !keys.every(isIssuerPublicKey)) throw new Error(`${file} is not a list of certificate public keys`);
			return keys.map(({ kid, publicKeyJwk, validFrom, validUntil }) => ({ kid, publicKeyJwk, validFrom, validUntil }));
		}
		return publicKeysOf(ensureKeyRing(path.resolve(options.root, env.TAZA_DATA_DIR || './data')));
	};
	return {
		name: 'taza:certificate-keys',
		resolveId(id) {
			return id === VIRTUAL ? `\0${VIRTUAL}` : undefined;
		},
		load(id) {
			if (id !== `\0${VIRTUAL}`) return undefined;
			return `export const issuerKeys = ${JSON.stringify(read())};`;
		}
	};
}

