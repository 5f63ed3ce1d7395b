import {
	type IAuthenticateGeneric,
	type ICredentialTestRequest,
	type ICredentialType,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { z } from 'zod';

import { routeOperations } from '../../nodes/shared/n8n/actions/router';
import { subscriptionActionDescription, subscriptionActions } from '../../nodes/shared/n8n/actions/subscriptionActions';
import {
	providerTriggerDescription,
	providerWebhook,
	providerWebhookMethods,
	signingSecretCredentialTest,
	TRIGGER_SUBTITLE,
	WHEN_SET_UP_BY_HAND,
} from '../../nodes/shared/n8n/providerTrigger';
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
	signingSecretCredentialName: 'acmeSigningSecretApi',
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
		...providerTriggerDescription(acme, {
			name: 'acmeTrigger',
			description: 'Starts the workflow on Acme events',
		}),
		subtitle: TRIGGER_SUBTITLE,
		credentials: [
			{ name: 'acmeSigningSecretApi', required: true, displayOptions: WHEN_SET_UP_BY_HAND, testedBy: 'signingSecretIsSet' },
			{ name: 'acmeApi', required: false },
		],
	};

	methods = { credentialTest: signingSecretCredentialTest(acme) };

	webhookMethods = providerWebhookMethods(acme);

	webhook = providerWebhook(acme);
}

export class Acme implements INodeType {
	description: INodeTypeDescription = {
		...subscriptionActionDescription(acme, 'acme'),
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperations(this, subscriptionActions(acme));
	}
}
