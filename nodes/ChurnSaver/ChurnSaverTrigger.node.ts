import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import {
	providerTriggerDescription,
	providerWebhook,
	providerWebhookMethods,
	TRIGGER_SUBTITLE,
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
	};

	webhookMethods = providerWebhookMethods(churnSaver);

	webhook = providerWebhook(churnSaver);
}
