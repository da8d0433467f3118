import type { RevocationReason } from '$lib/certificates/verify';
import { m } from '$lib/paraglide/messages';

export function reasonLabel(reason: RevocationReason | null): string {
	switch (reason) {
		case 'issued-in-error':
			return m.cert_reason_issued_in_error();
		case 'obtained-improperly':
			return m.cert_reason_obtained_improperly();
		case 'superseded':
			return m.cert_reason_superseded();
		default:
			return m.cert_reason_other();
	}
}
