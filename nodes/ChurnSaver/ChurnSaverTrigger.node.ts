import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import {
	providerTriggerDescription,
	providerWebhook,
	providerWebhookMethods,
	signingSecretCredentialTest,
	TRIGGER_SUBTITLE,
	WHEN_SET_UP_BY_HAND,
} from '../shared/n8n/providerTrigger';
import { churnSaver } from './definition';

export class ChurnSaverTrigger implements INodeType {
	description: INodeTypeDescription = {
		...providerTriggerDescription(churnSaver, {
			name: 'churnSaverTrigger',
			description: 'Starts the workflow when Churn Saver sends a signed recovery case, incentive or customer risk event',
			setupNotice:
				"Paste this node's Production URL into Churn Saver under Settings → Integrations → Webhooks → Add Webhook, and put the same webhook secret into this node's credential (Signing Secret). Deliveries without a valid X-Webhook-Signature are refused.",
		}),
		// n8n's lint wants icon and subtitle written in the class (icon-validation, require-node-description-fields).
		icon: { light: 'file:churnSaver.svg', dark: 'file:churnSaver.dark.svg' },
		subtitle: TRIGGER_SUBTITLE,
		// Literal, as n8n's lint reads `testedBy` here (credential-test-required). The signing secret alone when
		// the user gives the provider the URL; the API credential when the trigger registers itself (required
		// then at activation, see requireCredentialWhenNeeded).
		credentials: [
			{ name: 'churnSaverSigningSecretApi', required: true, displayOptions: WHEN_SET_UP_BY_HAND, testedBy: 'signingSecretIsSet' },
			{ name: 'churnSaverApi', required: false },
		],
	};

	methods = { credentialTest: signingSecretCredentialTest(churnSaver) };

	webhookMethods = providerWebhookMethods(churnSaver);

	webhook = providerWebhook(churnSaver);
}
