import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * eSahayak publishes its webhook format but not yet a webhook API nor a
 * signature (004_ef790d72f04203dd.txt: "Coming Soon"). The trigger needs this
 * credential when its Setup is Register Automatically (Base URL, API key, and
 * the assumed Subscriptions Path) or its Verify Signature option is on
 * (Signing Secret); the eSahayak node always needs it.
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
			description:
				'Your eSahayak API key (dashboard: Settings > API Access), sent as a Bearer token to the subscriptions endpoint by the eSahayak node, and by the trigger when its Setup is Register Automatically',
		},
		{
			displayName: 'Subscriptions Path',
			name: 'subscriptionsPath',
			type: 'string',
			default: '/api/webhooks',
			description:
				"Path of the webhook subscriptions endpoint, appended to the Base URL. Assumed until eSahayak publishes its webhook API: it is expected to work like Rishi's (GET/POST here, PUT/DELETE here plus /<ID>); change it if theirs differs.",
		},
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"For when eSahayak ships HMAC signatures (announced as coming soon): the secret that verifies them when the trigger's Verify Signature option is on. Leave empty if the trigger registers itself: it then generates one.",
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
