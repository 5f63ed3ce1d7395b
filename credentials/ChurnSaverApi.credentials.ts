import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class ChurnSaverApi implements ICredentialType {
	name = 'churnSaverApi';

	displayName = 'Churn Saver API';

	icon = {
		light: 'file:../nodes/ChurnSaver/churnSaver.svg',
		dark: 'file:../nodes/ChurnSaver/churnSaver.dark.svg',
	} as const;

	documentationUrl = 'https://github.com/n8n-nodes-webhook-connectors/n8n-nodes-webhook-connectors#churn-saver';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://churnsaver.example.com',
			description: 'Root URL of your Churn Saver API',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Sent as a Bearer token to the subscriptions endpoint: by the Churn Saver node, and by the trigger when its Setup is Register Automatically',
		},
		{
			displayName: 'Subscriptions Path',
			name: 'subscriptionsPath',
			type: 'string',
			default: '/api/webhooks',
			description:
				"Path of the webhook subscriptions endpoint, appended to the Base URL. Assumed: Churn Saver has not published its API yet, so it is expected to work like Rishi's (GET/POST here, PUT/DELETE here plus /<ID>); change it if yours differs.",
		},
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The webhook secret entered in Churn Saver under Settings → Integrations → Webhooks (for example the output of openssl rand -hex 32), used to verify X-Webhook-Signature. Leave empty to let the trigger generate one when it registers itself.',
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
