// The verify page's two steps: the signature, offline, against the public keys bundled into this build; then, when
// the network answers, whether the server has revoked the certificate. The status request carries only the id.
import { isRevocationStatus, verifyCertificateToken, type OfflineVerdict, type RevocationStatus } from '$lib/certificates/verify';
import { tokenFromInput } from '$lib/certificates/verify-input';
import { issuerKeys } from 'virtual:taza/certificate-keys';

export async function checkOffline(input: string): Promise<OfflineVerdict> {
	const token = tokenFromInput(input);
	if (!token) return { status: 'malformed', problem: 'no token in the input' };
	return verifyCertificateToken(token, issuerKeys);
}

/** `unknown`: this server never issued it (another deployment, or a forgery signed with a key it shares none with). */
export type RevocationCheck = { state: 'answered'; status: RevocationStatus } | { state: 'offline' } | { state: 'unknown' };

export async function checkRevocation(id: string, fetcher: typeof fetch = fetch): Promise<RevocationCheck> {
	try {
		const response = await fetcher(`/api/certificates/${encodeURIComponent(id)}/status`, { cache: 'no-store' });
		if (response.status === 404) return { state: 'unknown' };
		const body: unknown = await response.json();
		return response.ok && isRevocationStatus(body) ? { state: 'answered', status: body } : { state: 'offline' };
	} catch {
		return { state: 'offline' };
	}
}
