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
import { triggerProperties } from '../shared/n8n/triggerProperties';
import { rishi } from './definition';

export class RishiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Rishi Trigger',
		name: 'rishiTrigger',
		icon: { light: 'file:rishi.svg', dark: 'file:rishi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when Rishi sends a signed booking, staff, location, inventory or organization event. Activation registers the webhook with Rishi.',
		defaults: { name: 'Rishi Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'rishiApi', required: true }],
		webhooks: PROVIDER_WEBHOOKS,
		properties: triggerProperties(rishi),
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkSubscription(this, rishi, 'rishiApi');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createSubscription(this, rishi, 'rishiApi');
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteSubscription(this, rishi, 'rishiApi');
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleProviderWebhook(this, rishi, 'rishiApi');
	}
}
