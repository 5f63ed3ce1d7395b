import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class MerajutAsaApi implements ICredentialType {
	name = 'merajutAsaApi';

	displayName = 'MerajutASA API';

	icon = {
		light: 'file:../nodes/MerajutAsa/merajutasa.svg',
		dark: 'file:../nodes/MerajutAsa/merajutasa.dark.svg',
	} as const;

	documentationUrl = 'https://github.com/n8n-nodes-webhook-connectors/n8n-nodes-webhook-connectors#merajutasa';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api.merajutasa.id',
			description: 'Root URL of the MerajutASA API, without a trailing slash',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Sent as a Bearer token to the subscriptions endpoint: by the MerajutASA node, and by the trigger when its Setup is Register Automatically',
		},
		{
			displayName: 'Subscriptions Path',
			name: 'subscriptionsPath',
			type: 'string',
			default: '/api/webhooks',
			description:
				"Path of the webhook subscriptions endpoint, appended to the Base URL. Assumed until MerajutASA publishes its API: it is expected to work like Rishi's (GET/POST here, PUT/DELETE here plus /<ID>); change it if theirs differs.",
		},
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The webhook secret MerajutASA issued for this endpoint, used to verify X-MerajutASA-Signature. Leave empty to let the trigger generate one when it registers itself.',
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
