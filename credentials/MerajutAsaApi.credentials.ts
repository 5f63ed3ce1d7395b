import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { API_KEY_AS_BEARER_TOKEN, listSubscriptionsTest, providerCredentialFields } from '../nodes/shared/n8n/credentialFields';

export class MerajutAsaApi implements ICredentialType {
	name = 'merajutAsaApi';

	displayName = 'MerajutASA API';

	icon = {
		light: 'file:../nodes/MerajutAsa/merajutasa.svg',
		dark: 'file:../nodes/MerajutAsa/merajutasa.dark.svg',
	} as const;

	documentationUrl = 'https://github.com/n8n-nodes-webhook-connectors/n8n-nodes-webhook-connectors#merajutasa';

	properties: INodeProperties[] = providerCredentialFields({
		baseUrlPlaceholder: 'https://api.merajutasa.id',
		baseUrl: 'Root URL of the MerajutASA API, without a trailing slash',
		apiKey:
			'Sent as a Bearer token to the subscriptions endpoint: by the MerajutASA node, and by the trigger when its Setup is Register Automatically',
		signingSecret:
			'The webhook secret MerajutASA issued for this endpoint, used to verify X-MerajutASA-Signature. Leave empty to let the trigger generate one when it registers itself.',
		assumedApiOf: 'MerajutASA',
	});

	authenticate = API_KEY_AS_BEARER_TOKEN;

	test: ICredentialTestRequest = listSubscriptionsTest('fromCredential');
}
