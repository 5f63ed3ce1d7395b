import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import {
	providerTriggerDescription,
	providerWebhook,
	providerWebhookMethods,
	signingSecretCredentialTest,
	TRIGGER_SUBTITLE,
	WHEN_SET_UP_BY_HAND,
} from '../shared/n8n/providerTrigger';
import { merajutAsa } from './definition';

export class MerajutAsaTrigger implements INodeType {
	description: INodeTypeDescription = {
		...providerTriggerDescription(merajutAsa, {
			name: 'merajutAsaTrigger',
			description: 'Starts the workflow when MerajutASA sends a signed child welfare, CSR program or volunteer event',
			setupNotice:
				"MerajutASA's Integration Team sets up webhook endpoints: send them this node's Production URL and put the signing secret they issue into the credential",
		}),
		// n8n's lint wants icon and subtitle written in the class (icon-validation, require-node-description-fields).
		icon: { light: 'file:merajutasa.svg', dark: 'file:merajutasa.dark.svg' },
		subtitle: TRIGGER_SUBTITLE,
		// Literal, as n8n's lint reads `testedBy` here (credential-test-required). The signing secret alone when
		// the user gives the provider the URL; the API credential when the trigger registers itself (required
		// then at activation, see requireCredentialWhenNeeded).
		credentials: [
			{ name: 'merajutAsaSigningSecretApi', required: true, displayOptions: WHEN_SET_UP_BY_HAND, testedBy: 'signingSecretIsSet' },
			{ name: 'merajutAsaApi', required: false },
		],
	};

	methods = { credentialTest: signingSecretCredentialTest(merajutAsa) };

	webhookMethods = providerWebhookMethods(merajutAsa);

	webhook = providerWebhook(merajutAsa);
}
