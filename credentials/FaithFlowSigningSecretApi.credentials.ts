import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { signingSecretFields } from '../nodes/shared/n8n/credentialFields';

/** Tested by the FaithFlow trigger's `signingSecretIsSet`: there is no API to call (see signingSecretTest.ts). */
export class FaithFlowSigningSecretApi implements ICredentialType {
	name = 'faithFlowSigningSecretApi';

	displayName = 'FaithFlow Signing Secret API';

	icon = { light: 'file:../nodes/FaithFlow/faithflow.svg', dark: 'file:../nodes/FaithFlow/faithflow.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-webhook-connectors/n8n-nodes-webhook-connectors#faithflow';

	properties: INodeProperties[] = signingSecretFields(
		'The Webhook Secret FaithFlow Enterprise signs with (X-Webhook-Signature, HMAC-SHA256). n8n is the receiver here: generate a long random secret, paste it here and into the FaithFlow Enterprise webhook settings.',
	);
}
