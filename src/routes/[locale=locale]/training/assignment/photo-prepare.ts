import { fitWithin, PHOTO_JPEG_QUALITY, toHex } from '$lib/progress/attachments';

/**
 * A photo as the device keeps and sends it: drawn at most 1600 px on its long side as a JPEG (a phone's 4 MB photo
 * becomes a few hundred KB), named by the SHA-256 of those bytes.
 */
export async function preparePhoto(file: Blob): Promise<{ blob: Blob; sha256: string; contentType: 'image/jpeg' }> {
	const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	const { width, height } = fitWithin(bitmap.width, bitmap.height);
	const canvas = new OffscreenCanvas(width, height);
	const context = canvas.getContext('2d');
	if (!context) throw new Error('no 2d canvas');
	// JPEG has no transparency: a PNG's clear parts become white, as on paper, not black.
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, width, height);
	context.drawImage(bitmap, 0, 0, width, height);
	bitmap.close();
	const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: PHOTO_JPEG_QUALITY });
	const sha256 = toHex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
	return { blob, sha256, contentType: 'image/jpeg' };
}
