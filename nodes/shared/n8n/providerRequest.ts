import {
	NodeApiError,
	NodeOperationError,
	type Failure,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INode,
	type IWebhookFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { failureOfAnswer, failureOfTransport, statusOf, type FailureKind, type FailureWording, type ProviderFailure, type RequestFailure } from '../http/failure';
import { parseHttpUrl } from '../http/httpUrl';
import { readTransportError } from '../http/transportError';

type RequestContext = IExecuteFunctions | IHookFunctions | IWebhookFunctions;

/**
 * A failed call to a provider's API: a NodeApiError that says why as data in
 * `problem` (`failure` is taken: it is n8n's own cause). Not a subclass: n8n
 * recognises its errors by `name === 'NodeApiError'` and wraps anything else
 * in a plain Error. Re-wrapping keeps `problem`, because NodeApiError's
 * constructor hands an error of its own class back unchanged.
 */
export type ProviderApiError = NodeApiError & { readonly problem: ProviderFailure };

export function providerApiError(node: INode, problem: ProviderFailure, wording: FailureWording, itemIndex?: number): ProviderApiError {
	const { message, description } = wording;
	const status = statusOf(problem);
	const httpCode = status === undefined ? undefined : String(status);
	const error = new NodeApiError(node, { message, description, ...(httpCode ? { httpCode } : {}) } as JsonObject, {
		message,
		description,
		httpCode,
		itemIndex,
		failure: n8nFailureOf(problem),
	});
	return Object.assign(error, { problem });
}

/** Why the operation failed in n8n's vocabulary, for its retry and alerting logic. */
export function n8nFailureOf(problem: ProviderFailure): Failure {
	switch (problem.kind) {
		case 'unauthorized':
			return { cause: 'credential-invalid' };
		case 'rate_limited':
			return problem.retryAfterSeconds === undefined
				? { cause: 'rate-limited' }
				: { cause: 'rate-limited', retryAfterMs: problem.retryAfterSeconds * 1000 };
		case 'unavailable':
		case 'timed_out':
		case 'unreachable':
			return { cause: 'temporarily-unavailable' };
		default:
			return { cause: 'configuration-invalid' };
	}
}

/** The kind of failure a provider error carries; undefined for any other error. */
export function failureKindOf(error: unknown): FailureKind | undefined {
	const problem = (error as { problem?: { kind?: unknown } } | null | undefined)?.problem;
	return error instanceof NodeApiError && typeof problem?.kind === 'string' ? (problem.kind as FailureKind) : undefined;
}

export interface ProviderRequest extends Pick<IHttpRequestOptions, 'method' | 'url' | 'baseURL' | 'body' | 'headers'> {
	readonly credentialName: string;
	/** Scheme, host and port: all of the address a message may show. */
	readonly origin: string;
	readonly timeoutMs: number;
	/** Cut out of any text that came back, before anyone words it. */
	readonly secrets: readonly string[];
	readonly itemIndex?: number;
}

/**
 * Sends one JSON request through the credential's `authenticate` (so this
 * code never applies a key) and answers the provider's response when its
 * status is below 400. Anything else throws a ProviderApiError worded by
 * `describe`.
 */
export async function sendProviderRequest(
	context: RequestContext,
	request: ProviderRequest,
	describe: (problem: RequestFailure) => FailureWording,
): Promise<IN8nHttpFullResponse> {
	const { credentialName, origin, timeoutMs, secrets, itemIndex, ...http } = request;
	const fail = (problem: RequestFailure) => providerApiError(context.getNode(), problem, describe(problem), itemIndex);
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(context, credentialName, {
			...http,
			json: true,
			timeout: timeoutMs,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		throw fail(failureOfTransport(readTransportError(error), { origin, timeoutMs }, secrets));
	}
	if (response.statusCode >= 400) {
		throw fail(failureOfAnswer({ status: response.statusCode, headers: response.headers ?? {}, body: response.body }, secrets));
	}
	return response;
}

/** The credential's URL when it is http(s); otherwise a warning that says which field to fix, before anything is sent. */
export function credentialUrlOrFail(context: RequestContext, raw: string, problem: FailureWording, itemIndex: number | undefined): URL {
	const url = parseHttpUrl(raw);
	if (url) return url;
	throw new NodeOperationError(context.getNode(), problem.message, { itemIndex, description: problem.description, level: 'warning' });
}
