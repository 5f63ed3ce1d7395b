/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/node-usable-as-tool -- test code runs under jest on a developer machine, not inside n8n */
import {
	NodeApiError,
	NodeConnectionTypes,
	type ICredentialType,
	type IExecuteFunctions,
	type INode,
	type INodeType,
	type INodeTypeDescription,
	type JsonObject,
} from 'n8n-workflow';
import { z } from 'zod';

import type { ProviderFailure, RequestFailure } from '../../../nodes/shared/http/failure';
import { routeOperations } from '../../../nodes/shared/n8n/actions/router';
import { failureKindOf, n8nFailureOf, providerApiError, sendProviderRequest, type ProviderApiError } from '../../../nodes/shared/n8n/providerRequest';
import { isNotFound } from '../../../nodes/shared/n8n/subscriptionApi';
import { tryAction } from '../../support/actionHarness';

/** The n8n-facing half of the provider transport, on a fake request helper. */
const NODE: INode = { id: 'n1', name: 'Acme', type: 'acme', typeVersion: 1, position: [0, 0], parameters: {} };
const SECRET = 'whsec_body_secret_1234';
const REQUEST = {
	credentialName: 'acmeApi',
	method: 'POST' as const,
	url: 'https://acme.example/api/hooks',
	body: { secret: SECRET },
	origin: 'https://acme.example',
	timeoutMs: 300,
	secrets: [SECRET],
	itemIndex: 2,
};

function contextWhere(answer: () => Promise<unknown>) {
	const httpRequestWithAuthentication = jest.fn(answer);
	const context = { getNode: () => NODE, helpers: { httpRequestWithAuthentication } } as unknown as IExecuteFunctions;
	return { context, httpRequestWithAuthentication };
}

const seen: RequestFailure[] = [];
function wording(problem: RequestFailure) {
	seen.push(problem);
	return { message: `failed: ${problem.kind}`, description: 'said' in problem && problem.said ? problem.said.text : 'no text' };
}

async function failureOf(answer: () => Promise<unknown>): Promise<ProviderApiError> {
	const { context } = contextWhere(answer);
	return await sendProviderRequest(context, REQUEST, wording).then(
		() => {
			throw new Error('expected a failure');
		},
		(error: ProviderApiError) => error,
	);
}

beforeEach(() => {
	seen.length = 0;
});

describe('sendProviderRequest', () => {
	it('sends JSON through the credential with the timeout, and answers the full response below 400', async () => {
		const response = { statusCode: 201, headers: {}, body: { id: 'wh_1' } };
		const { context, httpRequestWithAuthentication } = contextWhere(async () => response);
		await expect(sendProviderRequest(context, REQUEST, wording)).resolves.toBe(response);
		expect(httpRequestWithAuthentication).toHaveBeenCalledWith('acmeApi', {
			method: 'POST',
			url: 'https://acme.example/api/hooks',
			body: { secret: SECRET },
			json: true,
			timeout: 300,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
	});

	it('turns ECONNABORTED into a timed_out NodeApiError that n8n may retry', async () => {
		const error = await failureOf(async () => {
			throw Object.assign(new Error('aborted'), { code: 'ECONNABORTED' });
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.name).toBe('NodeApiError');
		expect(error.problem).toEqual({ kind: 'timed_out', origin: 'https://acme.example', timeoutMs: 300 });
		expect(error.message).toBe('failed: timed_out');
		expect(error.httpCode).toBeNull();
		expect(error.failure).toEqual({ cause: 'temporarily-unavailable' });
		expect(error.context.itemIndex).toBe(2);
	});

	it('turns a 429 into rate_limited with the wait for n8n, and the status as httpCode', async () => {
		const error = await failureOf(async () => ({ statusCode: 429, headers: { 'retry-after': '7' }, body: { error: 'slow down' } }));
		expect(error.problem).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 7 });
		expect(error.httpCode).toBe('429');
		expect(error.failure).toEqual({ cause: 'rate-limited', retryAfterMs: 7000 });
	});

	it('cuts a secret the request body carried out of the text handed to the wording', async () => {
		const error = await failureOf(async () => ({ statusCode: 422, headers: {}, body: { detail: [{ msg: `secret ${SECRET} is too short` }] } }));
		expect(seen[0]).toEqual({ kind: 'refused', status: 422, said: { text: 'secret [redacted] is too short', json: true } });
		expect(JSON.stringify({ ...error, message: error.message, description: error.description })).not.toContain(SECRET);
	});
});

describe("n8n's failure cause", () => {
	it.each<[ProviderFailure, unknown]>([
		[{ kind: 'unauthorized', status: 401 }, { cause: 'credential-invalid' }],
		[{ kind: 'forbidden', status: 403 }, { cause: 'configuration-invalid' }],
		[{ kind: 'not_found', status: 404 }, { cause: 'configuration-invalid' }],
		[{ kind: 'refused', status: 400 }, { cause: 'configuration-invalid' }],
		[{ kind: 'rate_limited', status: 429 }, { cause: 'rate-limited' }],
		[{ kind: 'rate_limited', status: 429, retryAfterSeconds: 0 }, { cause: 'rate-limited', retryAfterMs: 0 }],
		[{ kind: 'unavailable', status: 502 }, { cause: 'temporarily-unavailable' }],
		[{ kind: 'timed_out', origin: 'o', timeoutMs: 1 }, { cause: 'temporarily-unavailable' }],
		[{ kind: 'unreachable', origin: 'o' }, { cause: 'temporarily-unavailable' }],
		[{ kind: 'unexpected_answer', problem: 'p' }, { cause: 'configuration-invalid' }],
	])('%j → %j', (problem, cause) => {
		expect(n8nFailureOf(problem)).toEqual(cause);
	});
});

describe('a provider error through n8n', () => {
	const notFound = () => providerApiError(NODE, { kind: 'not_found', status: 404 }, { message: 'gone', description: 'really gone' }, 0);

	it('keeps its failure kind when NodeApiError re-wraps it', () => {
		const error = notFound();
		const rewrapped = new NodeApiError(NODE, error as unknown as JsonObject, { itemIndex: 3 });
		expect(rewrapped).toBe(error);
		expect(failureKindOf(rewrapped)).toBe('not_found');
		expect(rewrapped.failure).toEqual({ cause: 'configuration-invalid' });
	});

	it('isNotFound reads the kind, not a status string', () => {
		expect(isNotFound(notFound())).toBe(true);
		expect(isNotFound(new NodeApiError(NODE, { message: 'x' }, { httpCode: '404' }))).toBe(false);
		expect(isNotFound(providerApiError(NODE, { kind: 'unavailable', status: 503 }, { message: 'm', description: 'd' }))).toBe(false);
		expect(isNotFound(Object.assign(new Error('x'), { problem: { kind: 'not_found' } }))).toBe(false);
		expect(isNotFound(undefined)).toBe(false);
	});

	const thrown: ProviderApiError[] = [];
	class Throwing implements INodeType {
		description: INodeTypeDescription = {
			displayName: 'Throwing',
			name: 'throwing',
			group: ['transform'],
			version: 1,
			description: 'Throws a provider error',
			defaults: { name: 'Throwing' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [
				{ displayName: 'Resource', name: 'resource', type: 'string', default: 'thing' },
				{ displayName: 'Operation', name: 'operation', type: 'string', default: 'fail' },
			],
		};

		async execute(this: IExecuteFunctions) {
			return await routeOperations(this, {
				binding: undefined,
				resources: [
					{
						value: 'thing',
						name: 'Thing',
						description: 'A thing',
						operations: [
							{
								value: 'fail',
								name: 'Fail',
								description: 'Fails',
								action: 'Fail',
								properties: [],
								output: z.object({}),
								async execute(this: IExecuteFunctions, itemIndex: number) {
									const error = providerApiError(this.getNode(), { kind: 'rate_limited', status: 429, retryAfterSeconds: 5 }, { message: 'wait', description: 'five seconds' }, itemIndex);
									thrown.push(error);
									throw error;
								},
							},
						],
					},
				],
			});
		}
	}
	const NO_CREDENTIAL: ICredentialType = { name: 'noneApi', displayName: 'None', properties: [] };

	it("comes out of routeOperations as the same error, kind and n8n cause kept", async () => {
		const run = await tryAction({ nodeType: new Throwing(), parameters: {}, credentialType: NO_CREDENTIAL, credentials: {} });
		expect(run.error).toBe(thrown[thrown.length - 1]);
		expect(failureKindOf(run.error)).toBe('rate_limited');
		expect((run.error as ProviderApiError).failure).toEqual({ cause: 'rate-limited', retryAfterMs: 5000 });
		expect(run.error?.httpCode).toBe('429');
	});

	it('with continueOnFail becomes an error item with its httpCode', async () => {
		const run = await tryAction({ nodeType: new Throwing(), parameters: {}, credentialType: NO_CREDENTIAL, credentials: {}, continueOnFail: true });
		expect(run.output).toEqual([{ json: { error: 'wait', description: 'five seconds', httpCode: '429' }, pairedItem: { item: 0 } }]);
	});
});
