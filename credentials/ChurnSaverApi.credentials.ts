import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { API_KEY_AS_BEARER_TOKEN, listSubscriptionsTest, providerCredentialFields } from '../nodes/shared/n8n/credentialFields';

export class ChurnSaverApi implements ICredentialType {
	name = 'churnSaverApi';

	displayName = 'Churn Saver API';

	icon = {
		light: 'file:../nodes/ChurnSaver/churnSaver.svg',
		dark: 'file:../nodes/ChurnSaver/churnSaver.dark.svg',
	} as const;

	documentationUrl = 'https://github.com/n8n-nodes-webhook-connectors/n8n-nodes-webhook-connectors#churn-saver';

	properties: INodeProperties[] = providerCredentialFields({
		baseUrlPlaceholder: 'https://churnsaver.example.com',
		baseUrl: 'Root URL of your Churn Saver API',
		apiKey:
			'Sent as a Bearer token to the subscriptions endpoint: by the Churn Saver node, and by the trigger when its Setup is Register Automatically',
		signingSecret:
			'The webhook secret entered in Churn Saver under Settings → Integrations → Webhooks (for example the output of openssl rand -hex 32), used to verify X-Webhook-Signature. Leave empty to let the trigger generate one when it registers itself.',
		assumedApiOf: 'Churn Saver',
	});

	authenticate = API_KEY_AS_BEARER_TOKEN;

	test: ICredentialTestRequest = listSubscriptionsTest('fromCredential');
}
