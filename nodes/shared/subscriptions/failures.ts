import { redact } from '../pipeline/redact';

/**
 * Turns a failed call to a subscriptions API into a message a user can act
 * on. Provider text is quoted only after every known secret is cut out of it,
 * so neither the API key nor a signing secret can reach an error message.
 */
export interface ApiAttempt {
	/** The provider's display name. */
	readonly provider: string;
	/** What was being done, for "while trying to ...": e.g. `list the webhook subscriptions`. */
	readonly action: string;
	/** The subscription the call was about, when it was about one. */
	readonly subscriptionId?: string;
	/** The collection path, e.g. `/api/webhooks`. */
	readonly path: string;
	/** Which credential fields decide where requests go, for a wrong-address hint. */
	readonly addressFields: string;
}

export interface FailureMessage {
	readonly message: string;
	readonly description: string;
	readonly httpCode?: string;
}

export interface HttpFailure {
	readonly status: number;
	readonly headers: Readonly<Record<string, unknown>>;
	readonly body: unknown;
}

const MAX_QUOTE = 200;

function headerValue(headers: Readonly<Record<string, unknown>>, name: string): string | undefined {
	const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
	const value = Array.isArray(entry?.[1]) ? (entry?.[1] as unknown[])[0] : entry?.[1];
	return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** Seconds to wait according to a Retry-After header (delta-seconds or an HTTP date). */
export function retryAfterSeconds(value: string | undefined, now: Date): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	if (/^\d+$/.test(value.trim())) return Number(value.trim());
	const date = Date.parse(value);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

function describeWait(seconds: number): string {
	if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
	const minutes = Math.ceil(seconds / 60);
	return `${minutes} minutes`;
}

function messageFromObject(body: Record<string, unknown>): string | undefined {
	for (const key of ['error', 'message', 'detail', 'error_description', 'title']) {
		const value = body[key];
		if (typeof value === 'string' && value.trim() !== '') return value;
		if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
			const nested = messageFromObject(value as Record<string, unknown>);
			if (nested) return nested;
		}
	}
	if (Array.isArray(body.errors)) {
		const parts = body.errors
			.map((entry) =>
				typeof entry === 'string'
					? entry
					: typeof entry === 'object' && entry !== null
						? messageFromObject(entry as Record<string, unknown>)
						: undefined,
			)
			.filter((entry): entry is string => typeof entry === 'string' && entry !== '');
		if (parts.length > 0) return parts.join('; ');
	}
	return undefined;
}

/** The provider's own words from an error body: a JSON message field, or readable text from anything else. */
export function providerMessage(body: unknown): { text: string; json: boolean } | undefined {
	if (typeof body === 'object' && body !== null && !Array.isArray(body) && !Buffer.isBuffer(body)) {
		const text = messageFromObject(body as Record<string, unknown>);
		return text ? { text, json: true } : undefined;
	}
	const raw = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
	const text = raw
		.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return text ? { text, json: false } : undefined;
}

function quote(text: string): string {
	return text.length > MAX_QUOTE ? `"${text.slice(0, MAX_QUOTE)}…"` : `"${text}"`;
}

export function describeHttpFailure(
	attempt: ApiAttempt,
	failure: HttpFailure,
	secrets: readonly string[],
	now: Date = new Date(),
): FailureMessage {
	const { provider, action } = attempt;
	const status = failure.status;
	const said = providerMessage(failure.body);
	const saidText = said ? redact(said.text, secrets) : undefined;
	const answer = said
		? `${provider} answered HTTP ${status}${said.json ? '' : ' with a body that is not JSON'}: ${quote(saidText as string)}`
		: `${provider} answered HTTP ${status} without an error message`;
	const description = `While trying to ${action}, ${answer}.`;

	let message: string;
	if (status === 401) {
		message = `${provider} rejected the API key (HTTP 401): check the API key in the credential`;
	} else if (status === 403) {
		message = `${provider} refused access (HTTP 403): check that the API key in the credential may manage webhooks`;
	} else if (status === 404 && attempt.subscriptionId !== undefined) {
		message = `${provider} has no webhook subscription with ID "${attempt.subscriptionId}" (HTTP 404)`;
	} else if (status === 404) {
		message = `${provider} has no subscriptions endpoint at ${attempt.path} (HTTP 404): check ${attempt.addressFields}`;
	} else if (status === 429) {
		const wait = retryAfterSeconds(headerValue(failure.headers, 'retry-after'), now);
		message =
			wait === undefined
				? `${provider} is rate limiting requests (HTTP 429): wait a moment and try again`
				: `${provider} is rate limiting requests (HTTP 429): try again in ${describeWait(wait)}`;
	} else if (status >= 500) {
		message = `${provider} failed to handle the request (HTTP ${status}): try again later`;
	} else {
		message = `${provider} refused the request (HTTP ${status})${saidText ? `: ${saidText}` : ''}`;
	}
	return { message: redact(message, secrets), description, httpCode: String(status) };
}

export interface TransportFailure {
	/** The error code of the failed connection, e.g. ECONNREFUSED. */
	readonly code?: string;
	readonly timedOut: boolean;
	readonly timeoutMs: number;
	/** Scheme, host and port the request went to (never with user info). */
	readonly origin: string;
}

export function describeTransportFailure(attempt: ApiAttempt, failure: TransportFailure): FailureMessage {
	const { provider, action } = attempt;
	if (failure.timedOut) {
		const seconds = Math.round(failure.timeoutMs / 100) / 10;
		return {
			message: `${provider} did not answer within ${seconds} seconds: try again later`,
			description: `While trying to ${action}, ${failure.origin} sent no answer in time. If this keeps happening, check ${attempt.addressFields}.`,
		};
	}
	return {
		message: `Could not connect to ${provider} at ${failure.origin}: check ${attempt.addressFields}`,
		description: `While trying to ${action}, the connection failed${failure.code ? ` (${failure.code})` : ''}.`,
	};
}

export function describeUnexpectedAnswer(
	attempt: ApiAttempt,
	problem: string,
	body: unknown,
	secrets: readonly string[],
): FailureMessage {
	const said = providerMessage(body);
	return {
		message: `${attempt.provider} answered in an unexpected shape: ${problem}`,
		description: `While trying to ${attempt.action}. Check ${attempt.addressFields}.${
			said ? ` The answer began: ${quote(redact(said.text, secrets))}` : ''
		}`,
	};
}
