import type { JsonObject } from '../provider';
import { reject, type Rejection } from '../verification/verdict';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Deeper than any provider's events (they nest a handful of levels). A limit,
 * because JSON.parse accepts any depth while JSON.stringify, schema checks and
 * n8n's own storage of the item recurse and fail at a few thousand levels.
 */
export const MAX_JSON_DEPTH = 100;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/**
 * True when brackets outside strings nest deeper than `limit`. Works on the
 * bytes: in UTF-8 a quote, backslash or bracket byte is always that ASCII
 * character, never part of a longer one.
 */
function nestsDeeperThan(bytes: Uint8Array, limit: number): boolean {
	let depth = 0;
	let inString = false;
	for (let index = 0; index < bytes.length; index++) {
		const byte = bytes[index];
		if (inString) {
			if (byte === BACKSLASH) index++;
			else if (byte === QUOTE) inString = false;
		} else if (byte === QUOTE) inString = true;
		else if (OPENERS.has(byte)) {
			if (++depth > limit) return true;
		} else if (CLOSERS.has(byte)) depth--;
	}
	return false;
}

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
	if (nestsDeeperThan(rawBody, MAX_JSON_DEPTH)) {
		return reject('invalid_payload', `The JSON is nested deeper than ${MAX_JSON_DEPTH} levels`);
	}
	return { ok: true, payload: value as JsonObject };
}
