// The certificate's texts from the message catalogue, in the certificate's language: library modules take text as
// arguments, so the API routes hand these to the certificates service and the PDF.
import type { Locale } from '$lib/content/pack.types';
import type { CertificateKind } from '$lib/certificates/credential';
import { m } from '$lib/paraglide/messages';
import type { CertificatePdfTexts } from '$lib/server/certificates/certificate-pdf';
import type { CertificateDto, CredentialTextsFor } from '$lib/server/services/certificates.service';
import { formatDate } from '$lib/utils/format-date';

export const credentialTexts: CredentialTextsFor = (kind: CertificateKind, locale: Locale, name: string) =>
	kind === 'course'
		? { description: m.cert_credential_course_description({ name }, { locale }), criteria: m.cert_credential_course_criteria({}, { locale }) }
		: { description: m.cert_credential_training_description({ name }, { locale }), criteria: m.cert_credential_training_criteria({}, { locale }) };

export function pdfTexts(certificate: CertificateDto, keyId: string): CertificatePdfTexts {
	const locale = certificate.locale as Locale;
	return {
		heading: m.cert_pdf_heading({}, { locale }),
		awardedTo: m.cert_pdf_awarded_to({}, { locale }),
		completed: certificate.kind === 'course' ? m.cert_pdf_completed_course({}, { locale }) : m.cert_pdf_completed_training({}, { locale }),
		issued: m.cert_pdf_issued({ date: formatDate(new Date(certificate.issuedAt), locale) }, { locale }),
		version: m.cert_pdf_version({ version: certificate.version }, { locale }),
		number: m.cert_pdf_number({ id: certificate.id }, { locale }),
		signedWith: m.cert_pdf_signed({ kid: keyId }, { locale }),
		scanHint: m.cert_pdf_scan_hint({}, { locale }),
		issuer: m.cert_pdf_issuer({}, { locale }),
		title: m.cert_pdf_title({ achievement: certificate.achievementName }, { locale })
	};
}

export const LOCALES = ['ky', 'ru', 'en'] as const satisfies readonly Locale[];
