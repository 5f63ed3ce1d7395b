import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * eSahayak publishes its webhook format but not yet a webhook API nor a
 * signature (004_ef790d72f04203dd.txt: "Coming Soon"). The trigger needs this
 * credential only when its Verify Signature option is on; the API fields are
 * here so the credential stays valid once eSahayak documents its API.
 */
export class ESahayakApi implements ICredentialType {
	name = 'eSahayakApi';

	displayName = 'eSahayak API';

	icon = { light: 'file:../nodes/ESahayak/esahayak.svg', dark: 'file:../nodes/ESahayak/esahayak.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-webhook-connectors/n8n-nodes-webhook-connectors#esahayak';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api.esahayak.io',
			description: 'Root URL of the eSahayak API',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Your eSahayak API key (dashboard: Settings > API Access), sent as a Bearer token',
		},
		{
			displayName: 'Subscriptions Path',
			name: 'subscriptionsPath',
			type: 'string',
			default: '/api/webhooks',
			description:
				'Path of the webhook configuration endpoint, appended to the Base URL. Assumed until eSahayak publishes its webhook API; only used to test this credential.',
		},
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'For when eSahayak ships HMAC signatures (announced as coming soon): the secret that verifies them when the trigger\'s Verify Signature option is on. Leave empty until then.',
		},
		{
			displayName: 'Previous Signing Secret',
			name: 'previousSigningSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'While rotating secrets, deliveries signed with this one are accepted too',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.apiKey}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '={{"/" + ($credentials.subscriptionsPath || "/api/webhooks").replace(/^\\/+/, "")}}',
			method: 'GET',
		},
	};
}
