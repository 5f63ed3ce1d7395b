import {
	NodeConnectionTypes,
	type IAuthenticateGeneric,
	type ICredentialTestRequest,
	type ICredentialType,
	type IExecuteFunctions,
	type IHookFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { z } from 'zod';

import { routeSubscriptionActions, subscriptionActionDescription } from '../../nodes/shared/n8n/actions/subscriptionActions';
import { handleProviderWebhook } from '../../nodes/shared/n8n/handleProviderWebhook';
import { checkSubscription, createSubscription, deleteSubscription } from '../../nodes/shared/n8n/subscriptionLifecycle';
import { triggerProperties } from '../../nodes/shared/n8n/triggerProperties';
import type { ProviderDefinition } from '../../nodes/shared/provider';

/**
 * A provider that documents no subscription API, plugged in exactly the way
 * Churn Saver, eSahayak and MerajutASA will be: `subscriptions` in its
 * definition (path from the credential, assumed), the shared lifecycle in its
 * trigger, the shared operations in its action node. Its credential sends the
 * key in `X-Api-Key`, so the tests prove the credential's `authenticate` (not
 * the node) decides the header. Short request timeout, for the timeout test.
 */
export const acme: ProviderDefinition = {
	key: 'acme',
	displayName: 'Acme',
	credentialName: 'acmeApi',
	authentication: { kind: 'hmac-sha256', signatureHeader: 'x-acme-signature', encoding: { prefix: 'sha256=', prefixPolicy: 'optional' } },
	events: ['order.created', 'order.paid', 'order.refunded'].map((name) => ({
		name,
		description: `An ${name} event`,
		schema: z.object({ event: z.literal(name) }).passthrough(),
		sample: { event: name },
	})),
	eventTypeOf: (payload) => (typeof payload.event === 'string' ? payload.event : undefined),
	replies: {
		rejected: (rejection) => ({ status: rejection.reason === 'not_configured' ? 500 : 401, body: { error: rejection.reason } }),
		accepted: () => ({ status: 200, body: { ok: true } }),
	},
	subscriptions: {
		path: { kind: 'credential', field: 'subscriptionsPath', fallback: '/api/webhooks' },
		listKey: 'webhooks',
		assumed: true,
		requestTimeoutMs: 300,
	},
};

export class AcmeApi implements ICredentialType {
	name = 'acmeApi';
	displayName = 'Acme API';
	properties: INodeProperties[] = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Subscriptions Path', name: 'subscriptionsPath', type: 'string', default: '/api/webhooks' },
		{ displayName: 'Signing Secret', name: 'signingSecret', type: 'string', typeOptions: { password: true }, default: '' },
	];
	authenticate: IAuthenticateGeneric = { type: 'generic', properties: { headers: { 'X-Api-Key': '={{$credentials.apiKey}}' } } };
	test: ICredentialTestRequest = { request: { baseURL: '={{$credentials.baseUrl}}', url: '={{$credentials.subscriptionsPath}}' } };
}

export class AcmeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Acme Trigger',
		name: 'acmeTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts the workflow on Acme events',
		defaults: { name: 'Acme Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'acmeApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: triggerProperties(acme),
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkSubscription(this, acme, 'acmeApi');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createSubscription(this, acme, 'acmeApi');
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteSubscription(this, acme, 'acmeApi');
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleProviderWebhook(this, acme, 'acmeApi');
	}
}

export class Acme implements INodeType {
	description: INodeTypeDescription = {
		...subscriptionActionDescription(acme, { displayName: 'Acme', name: 'acme', description: 'Manage Acme webhook subscriptions' }),
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeSubscriptionActions(this, acme);
	}
}
