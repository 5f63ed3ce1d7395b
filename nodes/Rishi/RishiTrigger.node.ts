import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import {
	providerTriggerDescription,
	providerWebhook,
	providerWebhookMethods,
	signingSecretCredentialTest,
	TRIGGER_SUBTITLE,
	WHEN_SET_UP_BY_HAND,
} from '../shared/n8n/providerTrigger';
import { rishi } from './definition';

export class RishiTrigger implements INodeType {
	description: INodeTypeDescription = {
		...providerTriggerDescription(rishi, {
			name: 'rishiTrigger',
			description:
				'Starts the workflow when Rishi sends a signed booking, staff, location, inventory or organization event. Activation registers the webhook with Rishi.',
			setupNotice:
				"Register this node's Production URL with Rishi yourself (for example with the Rishi node's Webhook: Create) for the selected events, with the credential's Signing Secret as its secret. Deliveries without a valid X-Rishi-Signature are refused.",
		}),
		// n8n's lint wants icon and subtitle written in the class (icon-validation, require-node-description-fields).
		icon: { light: 'file:rishi.svg', dark: 'file:rishi.dark.svg' },
		subtitle: TRIGGER_SUBTITLE,
		// Literal, as n8n's lint reads `testedBy` here (credential-test-required). The signing secret alone when
		// the user gives the provider the URL; the API credential when the trigger registers itself (required
		// then at activation, see requireCredentialWhenNeeded).
		credentials: [
			{ name: 'rishiSigningSecretApi', required: true, displayOptions: WHEN_SET_UP_BY_HAND, testedBy: 'signingSecretIsSet' },
			{ name: 'rishiApi', required: false },
		],
	};

	methods = { credentialTest: signingSecretCredentialTest(rishi) };

	webhookMethods = providerWebhookMethods(rishi);

	webhook = providerWebhook(rishi);
}
