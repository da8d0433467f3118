import Papa from 'papaparse';
import { csvDelimiter } from './organisations/organisation-labels';

/** A spreadsheet-ready CSV: a byte-order mark so Excel reads UTF-8 Cyrillic, and the separator of the locale. */
export function toCsv(rows: string[][], locale: string): string {
	return `\uFEFF${Papa.unparse(rows, { delimiter: csvDelimiter(locale), quotes: true, newline: '\r\n' })}\r\n`;
}
