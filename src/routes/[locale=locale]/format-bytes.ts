import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { splitBytes, type ByteUnit } from '$lib/utils/bytes';
import { formatNumber } from '$lib/utils/format-number';

const unitMessages: Record<ByteUnit, (inputs: { value: string }) => string> = {
	bytes: m.unit_bytes,
	kilobytes: m.unit_kilobytes,
	megabytes: m.unit_megabytes,
	gigabytes: m.unit_gigabytes
};

/** "1,5 МБ", "149 KB": a size in the page's language. */
export function formatBytes(bytes: number): string {
	const { value, unit } = splitBytes(bytes);
	return unitMessages[unit]({ value: formatNumber(value, getLocale()) });
}
