import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import {
	providerTriggerDescription,
	providerWebhook,
	providerWebhookMethods,
	signingSecretCredentialTest,
	TRIGGER_SUBTITLE,
	WHEN_SET_UP_BY_HAND,
} from '../shared/n8n/providerTrigger';
import { esahayak, REQUIRE_EVENT_HEADER_OPTION } from './definition';

export class ESahayakTrigger implements INodeType {
	description: INodeTypeDescription = {
		...providerTriggerDescription(esahayak, {
			name: 'eSahayakTrigger',
			description:
				'Starts the workflow when eSahayak reports that a stamp was uploaded or failed, or an order was delivered or cancelled',
			setupNotice:
				"eSahayak only delivers to a public HTTPS URL. Paste this node's Production URL in the eSahayak dashboard under Settings > API Access > Webhook Configuration and click Save Webhook.",
			options: [
				{
					displayName: 'Require Event Header',
					name: REQUIRE_EVENT_HEADER_OPTION,
					type: 'boolean',
					default: true,
					description:
						'Whether to refuse (400) deliveries without the X-eSahayak-Event header, which eSahayak sends with every request. Turn off only if a proxy in front of n8n removes it. A header that is present must always match the payload type.',
				},
			],
		}),
		// n8n's lint wants icon and subtitle written in the class (icon-validation, require-node-description-fields).
		icon: { light: 'file:esahayak.svg', dark: 'file:esahayak.dark.svg' },
		subtitle: TRIGGER_SUBTITLE,
		// Literal, as n8n's lint reads `testedBy` here (credential-test-required). The signing secret alone when
		// the user gives the provider the URL; the API credential when the trigger registers itself (required
		// then at activation, see requireCredentialWhenNeeded).
		credentials: [
			{ name: 'eSahayakSigningSecretApi', required: false, displayOptions: WHEN_SET_UP_BY_HAND, testedBy: 'signingSecretIsSet' },
			{ name: 'eSahayakApi', required: false },
		],
	};

	methods = { credentialTest: signingSecretCredentialTest(esahayak) };

	webhookMethods = providerWebhookMethods(esahayak);

	webhook = providerWebhook(esahayak);
}
