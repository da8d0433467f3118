import type { CoursePack, FacilitatorPack } from '$lib/content/pack.types';

export class PackDownloadError extends Error {}

/**
 * Downloads a course pack, reporting progress as a share of its known size (the catalogue knows it; a compressed
 * response's Content-Length would not match the bytes we read).
 */
export async function downloadPack(
	url: string,
	expectedBytes: number,
	onProgress: (share: number) => void,
	fetchPack: typeof fetch = fetch
): Promise<CoursePack> {
	const pack = await downloadJson<CoursePack>(url, expectedBytes, onProgress, fetchPack);
	if (pack.format !== 1 || !Array.isArray(pack.lessons)) throw new PackDownloadError('not a course pack this app can read');
	onProgress(1);
	return pack;
}

/** Downloads a course's facilitator guides for trainers (a pack of their own, never part of the course pack). */
export async function downloadFacilitatorPack(
	url: string,
	expectedBytes: number,
	onProgress: (share: number) => void,
	fetchPack: typeof fetch = fetch
): Promise<FacilitatorPack> {
	const pack = await downloadJson<FacilitatorPack>(url, expectedBytes, onProgress, fetchPack);
	if (pack.format !== 1 || pack.kind !== 'facilitator' || !Array.isArray(pack.guides)) {
		throw new PackDownloadError('not a facilitator pack this app can read');
	}
	onProgress(1);
	return pack;
}

async function downloadJson<T>(
	url: string,
	expectedBytes: number,
	onProgress: (share: number) => void,
	fetchPack: typeof fetch
): Promise<T> {
	let response: Response;
	try {
		response = await fetchPack(url);
	} catch (error) {
		throw new PackDownloadError(`network error: ${error instanceof Error ? error.message : error}`);
	}
	if (!response.ok || !response.body) throw new PackDownloadError(`the server answered ${response.status}`);
	const reader = response.body.getReader();
	const chunks: Uint8Array[] = [];
	let received = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		received += value.length;
		onProgress(Math.min(1, received / Math.max(1, expectedBytes)));
	}
	const bytes = new Uint8Array(received);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.length;
	}
	try {
		return JSON.parse(new TextDecoder().decode(bytes)) as T;
	} catch {
		throw new PackDownloadError('the pack is not valid JSON (the download was cut short?)');
	}
}
