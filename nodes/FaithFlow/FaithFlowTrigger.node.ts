import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import {
	providerTriggerDescription,
	providerWebhook,
	providerWebhookMethods,
	signingSecretCredentialTest,
	TRIGGER_SUBTITLE,
} from '../shared/n8n/providerTrigger';
import { attachFullMember } from './attachMember';
import { faithFlow } from './definition';
import { FAITHFLOW_OPTIONS } from './options';

export class FaithFlowTrigger implements INodeType {
	description: INodeTypeDescription = {
		...providerTriggerDescription(faithFlow, {
			name: 'faithFlowTrigger',
			description:
				'Starts the workflow when FaithFlow Enterprise sends a signed member created, updated or deleted event (FaithTracker sync webhook)',
			setupNotice:
				"In FaithFlow Enterprise, add a webhook with this node's production URL, the algorithm HMAC-SHA256, the header name X-Webhook-Signature and the same secret as the Signing Secret of the credential, then enable member.created, member.updated and member.deleted.",
			options: FAITHFLOW_OPTIONS,
		}),
		// n8n's lint wants icon and subtitle written in the class (icon-validation, require-node-description-fields).
		icon: { light: 'file:faithflow.svg', dark: 'file:faithflow.dark.svg' },
		subtitle: TRIGGER_SUBTITLE,
		// Literal, as n8n's lint reads `testedBy` here (credential-test-required). The API credential is
		// needed only by Attach Full Member.
		credentials: [
			{ name: 'faithFlowSigningSecretApi', required: true, testedBy: 'signingSecretIsSet' },
			{ name: 'faithFlowApi', required: false },
		],
	};

	methods = { credentialTest: signingSecretCredentialTest(faithFlow) };

	webhookMethods = providerWebhookMethods(faithFlow);

	// "Attach Full Member" (bounded by its timeout) runs before n8n records the execution and answers FaithFlow.
	webhook = providerWebhook(faithFlow, attachFullMember);
}
