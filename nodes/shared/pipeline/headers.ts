import type { HeaderMap } from '../provider';
import { REDACTED } from './redact';

/** Headers that carry credentials in general, whatever the provider. */
const ALWAYS_REDACTED = ['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'x-n8n-api-key'];

export function headerValue(headers: HeaderMap, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value.join(', ') : value;
}

/** A copy of the headers safe to put into an item: signatures and credentials replaced. */
export function redactHeaders(headers: HeaderMap, sensitive: readonly string[]): Record<string, string> {
	const hidden = new Set([...ALWAYS_REDACTED, ...sensitive.map((name) => name.toLowerCase())]);
	const copy: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined) continue;
		copy[name] = hidden.has(name.toLowerCase()) ? REDACTED : Array.isArray(value) ? value.join(', ') : value;
	}
	return copy;
}
