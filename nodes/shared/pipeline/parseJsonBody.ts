import type { JsonObject } from '../provider';
import { reject, type Rejection } from '../verification/verdict';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses an authenticated body; only a JSON object counts as a delivery. */
export function parseJsonBody(rawBody: Buffer): { ok: true; payload: JsonObject } | Rejection {
	let value: unknown;
	try {
		value = JSON.parse(utf8.decode(rawBody));
	} catch {
		return reject('not_json', 'The body is not valid UTF-8 JSON');
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return reject('invalid_payload', 'The body must be a JSON object');
	}
	return { ok: true, payload: value as JsonObject };
}
