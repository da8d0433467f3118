import type { Plugin } from 'vite';

/** Runs a plugin's buildStart as Vite would, returning the message it fails the build with (or undefined). */
export function buildStartError(plugin: Plugin): string | undefined {
	const buildStart = plugin.buildStart as (this: { error(message: string): never }) => void;
	try {
		buildStart.call({
			error(message: string): never {
				throw new Error(message);
			}
		});
		return undefined;
	} catch (error) {
		return (error as Error).message;
	}
}
