import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { signingSecretFields } from '../nodes/shared/n8n/credentialFields';

/** Tested by the Churn Saver trigger's `signingSecretIsSet`: there is no API to call (see signingSecretTest.ts). */
export class ChurnSaverSigningSecretApi implements ICredentialType {
	name = 'churnSaverSigningSecretApi';

	displayName = 'Churn Saver Signing Secret API';

	icon = { light: 'file:../nodes/ChurnSaver/churnSaver.svg', dark: 'file:../nodes/ChurnSaver/churnSaver.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-webhook-connectors/n8n-nodes-webhook-connectors#churn-saver';

	properties: INodeProperties[] = signingSecretFields(
		'The webhook secret entered in Churn Saver under Settings → Integrations → Webhooks (for example the output of openssl rand -hex 32), used to verify X-Webhook-Signature',
	);
}
