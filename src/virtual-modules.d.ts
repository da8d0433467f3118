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
