// Compiles the message catalogues before the type check, with the options the build uses.
import { compile } from '@inlang/paraglide-js';
import { readdirSync } from 'node:fs';
import { paraglideOptions } from '../paraglide.options.js';

await compile(paraglideOptions);
// paraglide reports success even when it could not load its plugin and compiled nothing.
const compiled = readdirSync(`${paraglideOptions.outdir}/messages`).filter((file) => file.endsWith('.js') && !file.startsWith('_'));
if (compiled.length === 0) {
	console.error('paraglide compiled no messages: is @inlang/plugin-message-format installed?');
	process.exit(1);
}
console.log(`paraglide: ${compiled.length} messages compiled`);
