// Modules the content build (scripts/content-packs-plugin.ts) provides to pages.

declare module 'virtual:taza/catalogue' {
	export const catalogue: import('$lib/content/pack.types').Catalogue;
}

declare module 'virtual:taza/legal-claims' {
	export const legalClaims: import('$lib/content/pack.types').LegalClaim[];
}

declare module 'virtual:taza/reporting-channels' {
	export const reportingChannels: import('$lib/content/reporting-channels.schema').ReportingChannels;
}

/** Server only: the question banks with their answer keys, for re-grading final tests. */
declare module 'virtual:taza/answer-keys' {
	export const answerKeys: import('$lib/content/pack.types').AnswerKeys;
}

/** The issuer's public keys (scripts/certificate-keys-plugin.ts): what the verify page checks signatures against, offline. */
declare module 'virtual:taza/certificate-keys' {
	export const issuerKeys: import('$lib/certificates/issuer-keys').IssuerPublicKey[];
}
