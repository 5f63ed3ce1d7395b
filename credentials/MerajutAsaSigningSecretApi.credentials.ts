import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { signingSecretFields } from '../nodes/shared/n8n/credentialFields';

/** Tested by the MerajutASA trigger's `signingSecretIsSet`: there is no API to call (see signingSecretTest.ts). */
export class MerajutAsaSigningSecretApi implements ICredentialType {
	name = 'merajutAsaSigningSecretApi';

	displayName = 'MerajutASA Signing Secret API';

	icon = { light: 'file:../nodes/MerajutAsa/merajutasa.svg', dark: 'file:../nodes/MerajutAsa/merajutasa.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-webhook-connectors/n8n-nodes-webhook-connectors#merajutasa';

	properties: INodeProperties[] = signingSecretFields(
		'The webhook secret MerajutASA issued for this endpoint, used to verify X-MerajutASA-Signature',
	);
}
