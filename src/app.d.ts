// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	/** package.json's version, baked in at build time. */
	const __TAZA_VERSION__: string;
	namespace App {
		// interface Error {}
		interface Locals {
			auth: import('$lib/server/services/auth.service').AuthService;
			/** The signed-in account of this request: from its bearer profile token if it sent one, else its cookie. */
			session: import('$lib/server/services/auth.service').CurrentSession | undefined;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
