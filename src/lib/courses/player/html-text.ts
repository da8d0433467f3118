/** Pack texts are HTML sanitised at build time; for attributes and announcements we need them as plain text. */
export function plainText(html: string | undefined): string {
	return (html ?? '').replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_, entity: string) =>
		({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity] ?? '');
}
