import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import {
	API_KEY_AS_BEARER_TOKEN,
	apiKeyField,
	baseUrlField,
	listSubscriptionsTest,
	signingSecretFields,
	subscriptionsPathField,
} from '../nodes/shared/n8n/credentialFields';

export class MerajutAsaApi implements ICredentialType {
	name = 'merajutAsaApi';

	displayName = 'MerajutASA API';

	icon = {
		light: 'file:../nodes/MerajutAsa/merajutasa.svg',
		dark: 'file:../nodes/MerajutAsa/merajutasa.dark.svg',
	} as const;

	documentationUrl = 'https://github.com/n8n-nodes-webhook-connectors/n8n-nodes-webhook-connectors#merajutasa';

	properties: INodeProperties[] = [
		baseUrlField('https://api.merajutasa.id', 'Root URL of the MerajutASA API, without a trailing slash'),
		apiKeyField(
			'Sent as a Bearer token to the subscriptions endpoint: by the MerajutASA node, and by the trigger when its Setup is Register Automatically',
		),
		subscriptionsPathField('MerajutASA'),
		...signingSecretFields(
			'The webhook secret MerajutASA issued for this endpoint, used to verify X-MerajutASA-Signature. Leave empty to let the trigger generate one when it registers itself.',
		),
	];

	authenticate = API_KEY_AS_BEARER_TOKEN;

	test: ICredentialTestRequest = listSubscriptionsTest('fromCredential');
}
