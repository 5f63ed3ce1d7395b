import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { signingSecretFields } from '../nodes/shared/n8n/credentialFields';

/** Tested by the eSahayak trigger's `signingSecretIsSet`: there is no API to call (see signingSecretTest.ts). */
export class ESahayakSigningSecretApi implements ICredentialType {
	name = 'eSahayakSigningSecretApi';

	displayName = 'eSahayak Signing Secret API';

	icon = { light: 'file:../nodes/ESahayak/esahayak.svg', dark: 'file:../nodes/ESahayak/esahayak.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-webhook-connectors/n8n-nodes-webhook-connectors#esahayak';

	properties: INodeProperties[] = signingSecretFields(
		"For when eSahayak ships HMAC signatures (announced as coming soon): the secret that verifies them when the trigger's Verify Signature option is on",
	);
}
