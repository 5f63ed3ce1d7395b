import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class FaithFlowApi implements ICredentialType {
	name = 'faithFlowApi';

	displayName = 'FaithFlow API';

	icon = { light: 'file:../nodes/FaithFlow/faithflow.svg', dark: 'file:../nodes/FaithFlow/faithflow.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-webhook-connectors/n8n-nodes-webhook-connectors#faithflow';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://faithflow.example.com',
			description:
				'Root URL of the FaithFlow Enterprise core API, without /api. Used to fetch a member in full (GET /api/members/{member_id}).',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Sent as a Bearer token to the core API. The credential test calls GET /api/members?limit=1, which is assumed: the webhook guide documents only GET /api/members/{member_id}.',
		},
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The Webhook Secret FaithFlow Enterprise signs with (X-Webhook-Signature, HMAC-SHA256). n8n is the receiver here: generate a long random secret, paste it here and into the FaithFlow Enterprise webhook settings.',
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
			url: '/api/members',
			method: 'GET',
			qs: { limit: 1 },
		},
	};
}
