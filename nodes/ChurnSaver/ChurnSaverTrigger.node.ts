import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { handleProviderWebhook } from '../shared/n8n/handleProviderWebhook';
import { PROVIDER_WEBHOOKS } from '../shared/n8n/rawBodyWebhook';
import { checkSubscription, createSubscription, deleteSubscription } from '../shared/n8n/subscriptionLifecycle';
import { MANUAL_SETUP } from '../shared/n8n/subscriptionSetup';
import { triggerProperties } from '../shared/n8n/triggerProperties';
import { churnSaver } from './definition';

export class ChurnSaverTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Churn Saver Trigger',
		name: 'churnSaverTrigger',
		icon: { light: 'file:churnSaver.svg', dark: 'file:churnSaver.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Churn Saver sends a signed recovery case, incentive or customer risk event',
		defaults: { name: 'Churn Saver Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'churnSaverApi', required: true }],
		webhooks: PROVIDER_WEBHOOKS,
		properties: [
			{
				displayName:
					'Paste this node\'s Production URL into Churn Saver under Settings → Integrations → Webhooks → Add Webhook, and put the same webhook secret into this node\'s credential (Signing Secret). Deliveries without a valid X-Webhook-Signature are refused.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { setup: [MANUAL_SETUP] } },
			},
			...triggerProperties(churnSaver),
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkSubscription(this, churnSaver, 'churnSaverApi');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createSubscription(this, churnSaver, 'churnSaverApi');
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteSubscription(this, churnSaver, 'churnSaverApi');
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleProviderWebhook(this, churnSaver, 'churnSaverApi');
	}
}
