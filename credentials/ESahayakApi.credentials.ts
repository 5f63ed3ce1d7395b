import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { API_KEY_AS_BEARER_TOKEN, listSubscriptionsTest, providerCredentialFields } from '../nodes/shared/n8n/credentialFields';

/**
 * eSahayak publishes its webhook format but not yet a webhook API nor a
 * signature (eSahayak's Webhooks guide: "Coming Soon"). The trigger needs this
 * credential when its Setup is Register Automatically (Base URL, API key, and
 * the assumed Subscriptions Path) or its Verify Signature option is on
 * (Signing Secret); the eSahayak node always needs it.
 */
export class ESahayakApi implements ICredentialType {
	name = 'eSahayakApi';

	displayName = 'eSahayak API';

	icon = { light: 'file:../nodes/ESahayak/esahayak.svg', dark: 'file:../nodes/ESahayak/esahayak.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-webhook-connectors/n8n-nodes-webhook-connectors#esahayak';

	properties: INodeProperties[] = providerCredentialFields({
		baseUrlPlaceholder: 'https://api.esahayak.io',
		baseUrl: 'Root URL of the eSahayak API',
		apiKey:
			'Your eSahayak API key (dashboard: Settings > API Access), sent as a Bearer token to the subscriptions endpoint by the eSahayak node, and by the trigger when its Setup is Register Automatically',
		signingSecret:
			"For when eSahayak ships HMAC signatures (announced as coming soon): the secret that verifies them when the trigger's Verify Signature option is on. Leave empty if the trigger registers itself: it then generates one.",
		assumedApiOf: 'eSahayak',
	});

	authenticate = API_KEY_AS_BEARER_TOKEN;

	test: ICredentialTestRequest = listSubscriptionsTest('fromCredential');
}
