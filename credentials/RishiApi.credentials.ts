import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { API_KEY_AS_BEARER_TOKEN, listSubscriptionsTest, providerCredentialFields } from '../nodes/shared/n8n/credentialFields';

export class RishiApi implements ICredentialType {
	name = 'rishiApi';

	displayName = 'Rishi API';

	icon = { light: 'file:../nodes/Rishi/rishi.svg', dark: 'file:../nodes/Rishi/rishi.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-webhook-connectors/n8n-nodes-webhook-connectors#rishi';

	properties: INodeProperties[] = providerCredentialFields({
		baseUrlPlaceholder: 'https://rishi.example.com',
		baseUrl: 'Root URL of your Rishi Platform, without /api',
		apiKey: 'Sent as a Bearer token to manage webhook subscriptions',
		signingSecret:
			'The secret of the Rishi webhook, used to verify X-Rishi-Signature. Leave empty to let the trigger generate one when it registers itself.',
	});

	authenticate = API_KEY_AS_BEARER_TOKEN;

	test: ICredentialTestRequest = listSubscriptionsTest('fixed');
}
