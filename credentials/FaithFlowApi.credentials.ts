import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { API_KEY_AS_BEARER_TOKEN, getRequestTest, providerCredentialFields } from '../nodes/shared/n8n/credentialFields';
import { MEMBER_PATH } from '../nodes/FaithFlow/coreApi';

export class FaithFlowApi implements ICredentialType {
	name = 'faithFlowApi';

	displayName = 'FaithFlow API';

	icon = { light: 'file:../nodes/FaithFlow/faithflow.svg', dark: 'file:../nodes/FaithFlow/faithflow.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-webhook-connectors/n8n-nodes-webhook-connectors#faithflow';

	properties: INodeProperties[] = providerCredentialFields({
		baseUrlPlaceholder: 'https://faithflow.example.com',
		baseUrl:
			'Root URL of the FaithFlow Enterprise core API, without /api. Used to fetch a member in full (GET /api/members/{member_id}).',
		apiKey:
			'Sent as a Bearer token to the core API. The credential test calls GET /api/members?limit=1, which is assumed: the webhook guide documents only GET /api/members/{member_id}.',
	});

	authenticate = API_KEY_AS_BEARER_TOKEN;

	test: ICredentialTestRequest = getRequestTest(MEMBER_PATH, { limit: 1 });
}
