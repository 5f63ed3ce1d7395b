import type { Failure, IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { redact } from '../shared/pipeline/redact';

/**
 * How the FaithTracker and FaithFlow callers read answers and failures. Any
 * text that came from the other side is quoted only after every credential
 * secret has been cut out of it.
 */
const MAX_QUOTE = 300;

/** The non-empty string values of the named credential fields. */
export function secretsOf(credentials: object, fields: readonly string[]): string[] {
	const values = credentials as Record<string, unknown>;
	return fields.map((field) => values[field]).filter((value): value is string => typeof value === 'string' && value !== '');
}

function parsed(body: unknown): unknown {
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
	if (typeof text !== 'string') return text;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/**
 * FastAPI's error body: `{"detail": "..."}` (or, for validation errors, a
 * list of `{msg}`), secrets removed and long text cut short.
 */
export function detailOf(body: unknown, secrets: readonly string[]): string | undefined {
	const value = parsed(body);
	if (typeof value !== 'object' || value === null) return undefined;
	const detail = (value as { detail?: unknown }).detail;
	let text: string | undefined;
	if (typeof detail === 'string' && detail.trim() !== '') text = detail;
	else if (Array.isArray(detail)) {
		const messages = detail
			.map((entry) => (typeof entry === 'object' && entry !== null ? (entry as { msg?: unknown }).msg : entry))
			.filter((entry): entry is string => typeof entry === 'string' && entry !== '');
		if (messages.length > 0) text = messages.join('; ');
	}
	if (text === undefined) return undefined;
	const clean = redact(text, secrets);
	return clean.length > MAX_QUOTE ? `${clean.slice(0, MAX_QUOTE)}...` : clean;
}

/** Why a request with this answer failed, for n8n's retry and alerting logic. */
export function failureCauseOf(status: number): Failure | undefined {
	if (status === 401) return { cause: 'credential-invalid' };
	if (status === 429) return { cause: 'rate-limited' };
	if (status >= 500) return { cause: 'temporarily-unavailable' };
	if (status >= 400) return { cause: 'configuration-invalid' };
	return undefined;
}

function errorChain(error: unknown): Array<{ code?: unknown; message?: unknown }> {
	const chain: Array<{ code?: unknown; message?: unknown }> = [];
	let current: unknown = error;
	while (typeof current === 'object' && current !== null && chain.length < 6) {
		chain.push(current as { code?: unknown; message?: unknown });
		current = (current as { cause?: unknown }).cause;
	}
	return chain;
}

export interface TransportFailure {
	readonly message: string;
	readonly description: string;
}

/**
 * No answer at all: refused, unknown host, timed out. The message names the
 * service and never quotes the URL's path or query, which may carry tokens.
 */
export function describeTransportFailure(
	error: unknown,
	service: string,
	origin: string,
	timeoutMs: number,
	secrets: readonly string[],
): TransportFailure {
	const chain = errorChain(error);
	const code = chain
		.map((entry) => entry.code)
		.find((value): value is string => typeof value === 'string' && /^[A-Z][A-Z_]+$/.test(value));
	const timedOut =
		code === 'ETIMEDOUT' ||
		code === 'ECONNABORTED' ||
		code === 'UND_ERR_HEADERS_TIMEOUT' ||
		chain.some((entry) => typeof entry.message === 'string' && /timeout of \d+ms exceeded/i.test(entry.message));
	if (timedOut) {
		return {
			message: `${service} did not answer within ${Math.round(timeoutMs / 1000)} seconds`,
			description: `No answer from ${origin}. Check that the service is up and reachable from n8n.`,
		};
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return {
			message: `Could not find the ${service} host`,
			description: `The host of ${origin} does not resolve (${code}). Check the URL in the credential.`,
		};
	}
	if (code === 'ECONNREFUSED') {
		return {
			message: `Could not connect to ${service}`,
			description: `${origin} refused the connection (${code}). Check the URL in the credential and that the service is running.`,
		};
	}
	const first = chain.find((entry) => typeof entry.message === 'string')?.message as string | undefined;
	const quoted = first ? redact(first, secrets).slice(0, MAX_QUOTE) : 'unknown error';
	return {
		message: `Could not reach ${service}`,
		description: `The request to ${origin} failed${code ? ` (${code})` : ''}: ${quoted}`,
	};
}

/** The JSON object the service answered; anything else is passed on as text with its status. */
export function jsonAnswer(response: IN8nHttpFullResponse, secrets: readonly string[]): IDataObject {
	const body = response.body;
	if (typeof body === 'object' && body !== null && !Array.isArray(body) && !Buffer.isBuffer(body)) return body as IDataObject;
	const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body ?? null);
	return { statusCode: response.statusCode, body: redact(text, secrets) };
}
