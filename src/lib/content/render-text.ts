import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { TextKind } from './text-keys.ts';

/** `[[law: …]]` marks a statement of law for a lawyer's review. */
const LEGAL_CLAIM = /\[\[law:\s*([\s\S]+?)\]\]/g;
// Private-use characters: neither Markdown nor the sanitiser touches them, and no author types them.
const LEGAL_PLACEHOLDER = /\uE000(\d+)\uE001/g;

export function legalClaims(text: string): string[] {
	return [...text.matchAll(LEGAL_CLAIM)].map((match) => (match[1] ?? '').trim());
}

const INLINE_TAGS = ['strong', 'em', 'b', 'i', 'a', 'code', 'br', 'span'];
const BLOCK_TAGS = [...INLINE_TAGS, 'p', 'ul', 'ol', 'li', 'blockquote', 'h3', 'h4'];

export interface RenderOptions {
	kind: TextKind;
	/** Where the content links `taza:<page>` point, e.g. `taza:reporting-channels` → `/ru/reporting-channels`. */
	appLink: (page: string) => string;
	/** The visible words of the review mark, in the text's locale. */
	legalReviewLabel: string;
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * Renders an authored text to safe HTML. Markdown runs first, then the sanitiser removes any raw HTML an author or
 * translator typed; only then are the legal-claim marks (our own markup) put back in.
 */
export function renderText(text: string, options: RenderOptions): string {
	if (options.kind === 'plain') return escapeHtml(text.trim());
	const claims: string[] = [];
	const withPlaceholders = text.replace(LEGAL_CLAIM, (_, claim: string) => {
		claims.push(claim.trim());
		return `\uE000${claims.length - 1}\uE001`;
	});
	const html =
		options.kind === 'block'
			? (marked.parse(withPlaceholders, { async: false }) as string)
			: (marked.parseInline(withPlaceholders, { async: false }) as string);
	const safe = sanitizeHtml(html, {
		allowedTags: options.kind === 'block' ? BLOCK_TAGS : INLINE_TAGS,
		allowedAttributes: { a: ['href', 'rel', 'target'] },
		allowedSchemes: ['https', 'taza'],
		allowedSchemesAppliedToAttributes: ['href'],
		transformTags: {
			a: (tagName, attribs): sanitizeHtml.Tag => {
				const href = attribs.href ?? '';
				return href.startsWith('taza:')
					? { tagName, attribs: { href: options.appLink(href.slice('taza:'.length)) } }
					: { tagName, attribs: { href, rel: 'noopener', target: '_blank' } };
			}
		}
	});
	return safe.replace(LEGAL_PLACEHOLDER, (_, index: string) => {
		const claim = sanitizeHtml(marked.parseInline(claims[Number(index)] ?? '', { async: false }) as string, {
			allowedTags: INLINE_TAGS.filter((tag) => tag !== 'span'),
			allowedAttributes: {}
		});
		return `<span class="legal-claim">${claim}<span class="legal-mark"> (${escapeHtml(options.legalReviewLabel)})</span></span>`;
	});
}
