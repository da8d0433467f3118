// Shared by vite.config.ts and scripts/i18n-compile.mjs, so that the type check sees the same runtime the build ships.
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// The first path segment names the page's locale (registered in the hooks); then the remembered choice (cookie),
	// then the browser's languages, then Kyrgyz.
	strategy: ['custom-path', 'cookie', 'preferredLanguage', 'baseLocale'],
	emitGitIgnore: false,
	emitReadme: false
};
