/**
 * What a request that got no HTTP answer at all died of. n8n's request helper
 * wraps the socket error (axios around undici or Node's http), so the useful
 * `code` may sit a few `cause`s deep.
 */
export interface TransportError {
	/** The first error code in the chain, e.g. ECONNREFUSED. */
	readonly code?: string;
	readonly timedOut: boolean;
	/** The first message in the chain, as the library wrote it (may quote the URL). */
	readonly message?: string;
}

/** Every code that means "no answer in time", whichever HTTP stack n8n runs on. */
export const TIMEOUT_CODES: ReadonlySet<string> = new Set([
	'ETIMEDOUT',
	'ECONNABORTED',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
]);

// axios reports its own `timeout` option only in the message on some versions.
const AXIOS_TIMEOUT_MESSAGE = /timeout of \d+ms exceeded/i;

// Bounded: a cause chain can be cyclic.
const MAX_CHAIN = 6;

function errorChain(error: unknown): Array<{ code?: unknown; message?: unknown }> {
	const chain: Array<{ code?: unknown; message?: unknown }> = [];
	let current: unknown = error;
	while (typeof current === 'object' && current !== null && chain.length < MAX_CHAIN) {
		chain.push(current as { code?: unknown; message?: unknown });
		current = (current as { cause?: unknown }).cause;
	}
	return chain;
}

export function readTransportError(error: unknown): TransportError {
	const chain = errorChain(error);
	const code = chain.map((entry) => entry.code).find((value): value is string => typeof value === 'string' && /^[A-Z][A-Z_]+$/.test(value));
	const messages = chain.map((entry) => entry.message).filter((value): value is string => typeof value === 'string' && value !== '');
	const timedOut = (code !== undefined && TIMEOUT_CODES.has(code)) || messages.some((message) => AXIOS_TIMEOUT_MESSAGE.test(message));
	return { code, timedOut, message: messages[0] };
}
