import { signedInSession } from '$lib/server/access-policy';
import { renderCertificatePdf } from '$lib/server/certificates/certificate-pdf';
import { apiError } from '$lib/server/http';
import { certificatesService, loadCertificateFonts } from '$lib/server/services/wiring';
import { verifyUrl } from '$lib/certificates/verify-input';
import { credentialTexts, pdfTexts } from '../../certificate-texts';
import type { RequestHandler } from './$types';

/**
 * The address people reach this server at. Without ORIGIN, adapter-node assumes https, so a plain-http server (the
 * demo on localhost) would print a QR code that does not open; the page that asked (same host) knows its scheme.
 */
function publicOrigin(url: URL, referer: string | null): string {
	if (process.env.ORIGIN || !referer) return url.origin;
	try {
		const from = new URL(referer);
		return from.host === url.host ? from.origin : url.origin;
	} catch {
		return url.origin;
	}
}

/** The printable certificate, for its holder or a programme administrator; the QR code opens this server's verify page. */
export const GET: RequestHandler = async ({ locals, params, url, request }) => {
	const certificate = await certificatesService(credentialTexts).forHolder(signedInSession(locals), params.certificateId);
	if (!certificate?.qrToken) return apiError(404, 'not-found', 'There is no such certificate.');
	const keyId = JSON.parse(Buffer.from(certificate.qrToken.split('.')[0]!, 'base64url').toString('utf8')).kid as string;
	const pdf = await renderCertificatePdf({
		recipientName: certificate.recipientName,
		achievementName: certificate.achievementName,
		locale: certificate.locale,
		texts: pdfTexts(certificate, keyId),
		verifyUrl: verifyUrl(publicOrigin(url, request.headers.get('referer')), certificate.locale, certificate.qrToken),
		credential: certificate.credential,
		issuedAt: new Date(certificate.issuedAt),
		fonts: loadCertificateFonts()
	});
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="taza-certificate-${certificate.id}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
};
