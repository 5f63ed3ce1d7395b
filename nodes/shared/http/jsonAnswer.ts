import { redact } from '../pipeline/redact';

type JsonAnswer = Record<string, unknown>;

/**
 * The JSON object a service answered, as an item's `json`. Anything else
 * (text, an array, nothing) is passed on with its status rather than
 * dropped, since a success answer may still be worth reading.
 */
export function jsonAnswer(response: { readonly statusCode: number; readonly body: unknown }, secrets: readonly string[]): JsonAnswer {
	const body = response.body;
	if (typeof body === 'object' && body !== null && !Array.isArray(body) && !Buffer.isBuffer(body)) return body as JsonAnswer;
	const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body ?? null);
	return { statusCode: response.statusCode, body: redact(text, secrets) };
}
