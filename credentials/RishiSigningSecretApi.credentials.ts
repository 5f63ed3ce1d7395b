import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { signingSecretFields } from '../nodes/shared/n8n/credentialFields';

/** Tested by the Rishi trigger's `signingSecretIsSet`: there is no API to call (see signingSecretTest.ts). */
export class RishiSigningSecretApi implements ICredentialType {
	name = 'rishiSigningSecretApi';

	displayName = 'Rishi Signing Secret API';

	icon = { light: 'file:../nodes/Rishi/rishi.svg', dark: 'file:../nodes/Rishi/rishi.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-webhook-connectors/n8n-nodes-webhook-connectors#rishi';

	properties: INodeProperties[] = signingSecretFields(
		'The secret of the Rishi webhook you created by hand (Rishi: Settings → Webhooks), used to verify X-Rishi-Signature',
	);
}
