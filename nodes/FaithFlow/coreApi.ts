import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IN8nHttpFullResponse,
	type IWebhookFunctions,
	type NodeApiError,
} from 'n8n-workflow';

import { FAITHFLOW_DETAIL } from './definition';
import { detailOf, jsonAnswer, secretsOf } from './httpAnswers';
import { httpUrlOrFail, refusalError, sendAuthenticated } from './httpRequest';

/**
 * The FaithFlow Enterprise core API, as far as 001_7dee66a650611890.txt
 * documents it: `GET /api/members/{member_id}` returns one member (FaithTracker
 * calls it for every member event). The API key is applied by the FaithFlow
 * API credential's `authenticate` (Bearer), never by this code.
 */
export const FAITHFLOW_CREDENTIAL = 'faithFlowApi';
export const MEMBER_PATH = '/api/members';
export const DEFAULT_CORE_TIMEOUT_MS = 30_000;

interface FaithFlowCredentials {
	readonly baseUrl?: string;
	readonly apiKey?: string;
	readonly signingSecret?: string;
	readonly previousSigningSecret?: string;
}

const SECRET_FIELDS = ['apiKey', 'signingSecret', 'previousSigningSecret'];

type CoreApiContext = IExecuteFunctions | IWebhookFunctions;

function baseUrlOf(context: CoreApiContext, credentials: FaithFlowCredentials, itemIndex: number | undefined): URL {
	const raw = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim().replace(/\/+$/, '') : '';
	const problem = {
		message: 'The FaithFlow API credential has no valid Base URL',
		description: 'Enter the root URL of the FaithFlow Enterprise core API, without /api, e.g. https://faithflow.example.com.',
	};
	httpUrlOrFail(context, raw, problem, itemIndex);
	return new URL(`${raw}/`);
}

function memberRefusal(
	context: CoreApiContext,
	response: IN8nHttpFullResponse,
	memberId: string,
	secrets: readonly string[],
	itemIndex: number | undefined,
): NodeApiError {
	const status = response.statusCode;
	const detail = detailOf(response.body, secrets);
	let message: string;
	let description: string;
	if (status === 404) {
		message = FAITHFLOW_DETAIL.memberNotFound;
		description = `FaithFlow has no member with the ID "${memberId}"${
			detail && detail !== message ? ` (it said: ${detail})` : ''
		}. Check that the member ID is correct and that the member exists in the core system.`;
	} else if (status === 401 || status === 403) {
		message = detail ?? `FaithFlow refused the API key (HTTP ${status})`;
		description =
			'Check the API Key of the FaithFlow API credential: it is sent as a Bearer token and must be allowed to read members.';
	} else {
		message = detail ?? `FaithFlow answered HTTP ${status}`;
		description =
			status >= 500
				? 'The FaithFlow core API could not answer. Try again later.'
				: `FaithFlow refused GET ${MEMBER_PATH}/{member_id} with HTTP ${status}.`;
	}
	return refusalError(context, status, { message, description }, itemIndex);
}

/** `GET {baseUrl}/api/members/{member_id}`: FaithFlow's answer, or a NodeApiError saying what to do. */
export async function fetchMember(
	context: CoreApiContext,
	memberId: string,
	options: { itemIndex?: number; timeoutMs?: number } = {},
): Promise<IDataObject> {
	const { itemIndex, timeoutMs = DEFAULT_CORE_TIMEOUT_MS } = options;
	const id = memberId.trim();
	if (id === '') {
		throw new NodeOperationError(context.getNode(), 'A member ID is required', { itemIndex, level: 'warning' });
	}
	const credentials = (await context.getCredentials<FaithFlowCredentials>(FAITHFLOW_CREDENTIAL, itemIndex)) ?? {};
	const base = baseUrlOf(context, credentials, itemIndex);
	const secrets = secretsOf(credentials, SECRET_FIELDS);

	const response = await sendAuthenticated(
		context,
		FAITHFLOW_CREDENTIAL,
		{ method: 'GET', url: new URL(`${MEMBER_PATH.slice(1)}/${encodeURIComponent(id)}`, base).href },
		{ service: 'FaithFlow', origin: base.origin, timeoutMs, secrets, itemIndex },
	);
	if (response.statusCode >= 400) throw memberRefusal(context, response, id, secrets, itemIndex);
	return jsonAnswer(response, secrets);
}
