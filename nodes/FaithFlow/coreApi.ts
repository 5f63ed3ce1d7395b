import { NodeOperationError, type IDataObject, type IExecuteFunctions, type IWebhookFunctions } from 'n8n-workflow';

import type { FailureWording, RequestFailure } from '../shared/http/failure';
import { jsonAnswer } from '../shared/http/jsonAnswer';
import { describeNoAnswer } from '../shared/http/noAnswer';
import { shorten } from '../shared/http/quote';
import { secretsOf } from '../shared/http/secrets';
import { credentialUrlOrFail, sendProviderRequest } from '../shared/n8n/providerRequest';
import { faithFlow, FAITHFLOW_DETAIL } from './definition';

/**
 * The FaithFlow Enterprise core API, as far as the FaithFlow Enterprise
 * webhook guide documents it: `GET /api/members/{member_id}` returns one
 * member (FaithTracker calls it for every member event). The API key is
 * applied by the FaithFlow API credential's `authenticate` (Bearer), never by
 * this code.
 */
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
	credentialUrlOrFail(context, raw, problem, itemIndex);
	return new URL(`${raw}/`);
}

/** FaithFlow's own `detail` leads where there is one: it is what its users know. */
function describeMemberFailure(problem: RequestFailure, memberId: string): FailureWording {
	if (problem.kind === 'timed_out' || problem.kind === 'unreachable') return describeNoAnswer('FaithFlow', problem);
	const { status, said } = problem;
	const detail = said?.json ? shorten(said.text) : undefined;
	if (problem.kind === 'not_found') {
		const message = FAITHFLOW_DETAIL.memberNotFound;
		return {
			message,
			description: `FaithFlow has no member with the ID "${memberId}"${
				detail && detail !== message ? ` (it said: ${detail})` : ''
			}. Check that the member ID is correct and that the member exists in the core system.`,
		};
	}
	if (problem.kind === 'unauthorized' || problem.kind === 'forbidden') {
		return {
			message: detail ?? `FaithFlow refused the API key (HTTP ${status})`,
			description: 'Check the API Key of the FaithFlow API credential: it is sent as a Bearer token and must be allowed to read members.',
		};
	}
	return {
		message: detail ?? `FaithFlow answered HTTP ${status}`,
		description:
			problem.kind === 'unavailable'
				? 'The FaithFlow core API could not answer. Try again later.'
				: `FaithFlow refused GET ${MEMBER_PATH}/{member_id} with HTTP ${status}.`,
	};
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
	const credentialName = faithFlow.credentialName;
	const credentials = (await context.getCredentials<FaithFlowCredentials>(credentialName, itemIndex)) ?? {};
	const base = baseUrlOf(context, credentials, itemIndex);
	const secrets = secretsOf(credentials, SECRET_FIELDS);

	const response = await sendProviderRequest(
		context,
		{
			credentialName,
			method: 'GET',
			url: new URL(`${MEMBER_PATH.slice(1)}/${encodeURIComponent(id)}`, base).href,
			origin: base.origin,
			timeoutMs,
			secrets,
			itemIndex,
		},
		(problem) => describeMemberFailure(problem, id),
	);
	return jsonAnswer(response, secrets) as IDataObject;
}
