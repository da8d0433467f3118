// Modules the content build (scripts/content-packs-plugin.ts) provides to pages.

declare module 'virtual:taza/catalogue' {
	export const catalogue: import('$lib/content/pack.types').Catalogue;
}

/** The quests: ids, titles per locale, ages, version, stats and the URL of each compiled quest. */
declare module 'virtual:taza/quests' {
	export const questCatalogue: import('$lib/content/quest.types').QuestCatalogue;
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

// Modules the mini-game build (scripts/minigame-content-plugin.ts) provides to pages.

declare module 'virtual:taza/minigames' {
	export const miniGames: import('$lib/content/minigame.types').MiniGameListing[];
}

declare module 'virtual:taza/minigame-legal-claims' {
	export const miniGameLegalClaims: import('$lib/content/minigame.types').MiniGameLegalClaim[];
}

/** One game's structure and texts; import it with a literal id, when the game opens. */
declare module 'virtual:taza/minigame/*' {
	export const game: import('$lib/content/minigame.types').MiniGameData;
}
