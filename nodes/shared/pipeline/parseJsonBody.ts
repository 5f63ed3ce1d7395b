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
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * True when the body holds at most `limit` bracket bytes in all: it cannot
 * then nest deeper than `limit`. Counted with the native indexOf, so the
 * usual body (a few dozen brackets) is never walked byte by byte in JS.
 */
function fewBrackets(bytes: Buffer, limit: number): boolean {
	let count = 0;
	for (const opener of [OPEN_BRACE, OPEN_BRACKET]) {
		for (let at = bytes.indexOf(opener); at !== -1; at = bytes.indexOf(opener, at + 1)) {
			if (++count > limit) return false;
		}
	}
	return true;
}

/**
 * True when brackets outside strings nest deeper than `limit`. Works on the
 * bytes: in UTF-8 a quote, backslash or bracket byte is always that ASCII
 * character, never part of a longer one.
 */
function nestsDeeperThan(bytes: Buffer, limit: number): boolean {
	if (fewBrackets(bytes, limit)) return false;
	let depth = 0;
	let inString = false;
	for (let index = 0; index < bytes.length; index++) {
		const byte = bytes[index];
		if (inString) {
			if (byte === BACKSLASH) index++;
			else if (byte === QUOTE) inString = false;
		} else if (byte === QUOTE) inString = true;
		else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
			if (++depth > limit) return true;
		} else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
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
