/**
 * The bytes FaithFlow Enterprise signs and sends, the FaithFlow Enterprise Webhook Integration Guide:
 * `json.dumps(payload, separators=(',', ':'))`. Python's defaults add
 * `ensure_ascii=True`: every character outside printable ASCII (space to `~`)
 * is written `\uXXXX` in lowercase hex, astral characters as their UTF-16
 * surrogate pair, and `\b \f \n \r \t " \` keep their short escapes.
 *
 * `JSON.stringify` already agrees on the separators, the key order (insertion
 * order), the short escapes and `\u00XX` for other control characters; what
 * it leaves raw is DEL and everything above it, which is escaped here code
 * unit by code unit, exactly as Python does.
 *
 * Numbers are limited to safe integers: Python writes floats its own way
 * (`1.0`, `1e-07`) and a JavaScript number cannot say which one it was.
 */
export type PythonJsonValue = string | boolean | null | number | PythonJsonValue[] | { [key: string]: PythonJsonValue };

const NOT_PRINTABLE_ASCII = /[\u007f-\uffff]/g;

function escapeCodeUnit(character: string): string {
	return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function assertRepresentable(value: unknown, path: string): void {
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
	if (typeof value === 'number') {
		if (Number.isSafeInteger(value)) return;
		throw new TypeError(`${path} is ${value}: only whole numbers are written the way Python writes them`);
	}
	if (Array.isArray(value)) {
		value.forEach((entry, index) => assertRepresentable(entry, `${path}[${index}]`));
		return;
	}
	if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		for (const [key, entry] of Object.entries(value)) {
			// JavaScript moves integer-like keys to the front; Python keeps insertion order.
			if (/^(0|[1-9]\d*)$/.test(key)) throw new TypeError(`${path} has the integer-like key "${key}"`);
			assertRepresentable(entry, `${path}.${key}`);
		}
		return;
	}
	throw new TypeError(`${path} cannot be written as JSON`);
}

/** `json.dumps(value, separators=(',', ':'))`, character for character. */
export function pythonCompactJson(value: PythonJsonValue): string {
	assertRepresentable(value, 'payload');
	return JSON.stringify(value).replace(NOT_PRINTABLE_ASCII, escapeCodeUnit);
}
