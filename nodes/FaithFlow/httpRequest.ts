import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type IWebhookFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { describeTransportFailure, failureCauseOf } from './httpAnswers';

/**
 * How the FaithTracker and FaithFlow callers reach the other side: the
 * credential's URL checked before anything is sent, every request sent
 * through the credential's `authenticate`, and each failure turned into a
 * node error that says what to do (texts from httpAnswers.ts).
 */
type RequestContext = IExecuteFunctions | IWebhookFunctions;

export interface Problem {
	readonly message: string;
	readonly description: string;
}

/** `raw` as an http(s) URL, or a warning-level NodeOperationError with `problem`. */
export function httpUrlOrFail(context: RequestContext, raw: string, problem: Problem, itemIndex: number | undefined): URL {
	let url: URL | undefined;
	try {
		url = new URL(raw);
	} catch {
		url = undefined;
	}
	if (!url || !['http:', 'https:'].includes(url.protocol)) {
		throw new NodeOperationError(context.getNode(), problem.message, {
			itemIndex,
			description: problem.description,
			level: 'warning',
		});
	}
	return url;
}

export interface RequestTarget {
	/** The service's name in messages, e.g. `FaithTracker`. */
	readonly service: string;
	/** Scheme, host and port: all a transport failure may quote of the URL. */
	readonly origin: string;
	readonly timeoutMs: number;
	/** Cut out of any text from the other side. */
	readonly secrets: readonly string[];
	readonly itemIndex?: number;
}

/**
 * Sends one JSON request through the credential's `authenticate` and answers
 * the full response, whatever its status. No answer at all (refused, unknown
 * host, timed out) becomes a NodeApiError naming the service.
 */
export async function sendAuthenticated(
	context: RequestContext,
	credentialName: string,
	request: Pick<IHttpRequestOptions, 'method' | 'url' | 'body' | 'headers'>,
	target: RequestTarget,
): Promise<IN8nHttpFullResponse> {
	try {
		return (await context.helpers.httpRequestWithAuthentication.call(context, credentialName, {
			...request,
			json: true,
			timeout: target.timeoutMs,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		const failure = describeTransportFailure(error, target.service, target.origin, target.timeoutMs, target.secrets);
		throw new NodeApiError(context.getNode(), { ...failure } as JsonObject, {
			...failure,
			itemIndex: target.itemIndex,
			failure: { cause: 'temporarily-unavailable' },
		});
	}
}

/** A refusal the other side answered with `status`, for n8n's retry and alerting logic too. */
export function refusalError(
	context: RequestContext,
	status: number,
	problem: Problem,
	itemIndex: number | undefined,
	answered: IDataObject = {},
): NodeApiError {
	const { message, description } = problem;
	const httpCode = String(status);
	return new NodeApiError(context.getNode(), { message, description, httpCode, ...answered } as JsonObject, {
		message,
		description,
		httpCode,
		itemIndex,
		failure: failureCauseOf(status),
	});
}
