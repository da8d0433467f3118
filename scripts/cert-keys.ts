// npm run cert:keys -- export [file]   the issuer's public keys (no private part), for a build made elsewhere
//                                      (TAZA_CERT_PUBLIC_KEYS) or for `cert:verify --keys`
// npm run cert:keys -- rotate          a new signing key from now; the current one signs no more, its certificates
//                                      stay valid. Rebuild afterwards so the verify page knows the new key.
// Uses TAZA_DATA_DIR (./data) like the server.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureKeyRing, keyRingPath, publicKeysOf, rotateKeyRing, writeKeyRing } from '../src/lib/server/certificates/key-ring';

const dataDir = path.resolve(process.env.TAZA_DATA_DIR || './data');
const [command, file] = process.argv.slice(2);
const ring = ensureKeyRing(dataDir);
if (command === 'export') {
	const text = `${JSON.stringify(publicKeysOf(ring), null, '\t')}\n`;
	if (file) writeFileSync(file, text);
	else process.stdout.write(text);
} else if (command === 'rotate') {
	const rotated = rotateKeyRing(ring, new Date());
	writeKeyRing(keyRingPath(dataDir), rotated);
	console.log(`New signing key ${rotated.keys.at(-1)!.kid}; ${rotated.keys.length - 1} earlier key(s) kept for verification. Rebuild the app (npm run build) so the verify page knows it.`);
} else {
	console.error('usage: npm run cert:keys -- export [file] | rotate');
	process.exit(2);
}
