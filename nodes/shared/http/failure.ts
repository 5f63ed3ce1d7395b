import { redact } from '../pipeline/redact';
import { providerText, type ProviderText } from './providerText';
import { headerValue, retryAfterSeconds } from './retryAfter';
import type { TransportError } from './transportError';

// Why a call to a provider's API failed, as data: callers branch on `kind`
// (never on a status string) and word the message from what they know of the
// provider. `said` is the provider's own text with every known secret cut out.

/** The provider answered with an error status. */
export type AnswerFailure =
	| {
			readonly kind: 'unauthorized' | 'forbidden' | 'not_found' | 'unavailable' | 'refused';
			readonly status: number;
			readonly said?: ProviderText;
	  }
	| { readonly kind: 'rate_limited'; readonly status: number; readonly retryAfterSeconds?: number; readonly said?: ProviderText };

/** The request got no answer. */
export type NoAnswerFailure =
	| { readonly kind: 'timed_out'; readonly origin: string; readonly timeoutMs: number }
	| {
			readonly kind: 'unreachable';
			readonly origin: string;
			readonly code?: string;
			/** The connection library's own message, secrets cut out. */
			readonly reason?: string;
	  };

/** What sending one request can end in. */
export type RequestFailure = AnswerFailure | NoAnswerFailure;

export type ProviderFailure =
	| RequestFailure
	/** Answered fine, but not in the shape the API promises. */
	| { readonly kind: 'unexpected_answer'; readonly problem: string; readonly said?: ProviderText };

export type FailureKind = ProviderFailure['kind'];

/** What a user reads about a failure: the provider's own module words it, knowing the provider. */
export interface FailureWording {
	readonly message: string;
	readonly description: string;
}

export interface HttpAnswer {
	readonly status: number;
	readonly headers: Readonly<Record<string, unknown>>;
	readonly body: unknown;
}

/** An answer with an error status (400 and up) as a failure. */
export function failureOfAnswer(answer: HttpAnswer, secrets: readonly string[], now: Date = new Date()): AnswerFailure {
	const { status } = answer;
	const said = providerText(answer.body, secrets);
	if (status === 429) {
		return { kind: 'rate_limited', status, retryAfterSeconds: retryAfterSeconds(headerValue(answer.headers, 'retry-after'), now), said };
	}
	const kind = status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 404 ? 'not_found' : status >= 500 ? 'unavailable' : 'refused';
	return { kind, status, said };
}

/** A request that got no answer as a failure. `origin` is all of the URL a message may show: paths and queries can carry tokens. */
export function failureOfTransport(error: TransportError, target: { origin: string; timeoutMs: number }, secrets: readonly string[]): NoAnswerFailure {
	if (error.timedOut) return { kind: 'timed_out', origin: target.origin, timeoutMs: target.timeoutMs };
	return {
		kind: 'unreachable',
		origin: target.origin,
		code: error.code,
		reason: error.message === undefined ? undefined : redact(error.message, secrets),
	};
}

/** An answer whose status was fine but whose body is not what the API promises. */
export function unexpectedAnswer(problem: string, body: unknown, secrets: readonly string[]): ProviderFailure {
	return { kind: 'unexpected_answer', problem, said: providerText(body, secrets) };
}

/** The status the failure came with, as n8n's `httpCode`. */
export function statusOf(failure: ProviderFailure): number | undefined {
	return 'status' in failure ? failure.status : undefined;
}

/** "30 seconds", "0.3 seconds": a timeout as a person reads it. */
export function secondsText(ms: number): string {
	const seconds = Math.round(ms / 100) / 10;
	return `${seconds} second${seconds === 1 ? '' : 's'}`;
}
