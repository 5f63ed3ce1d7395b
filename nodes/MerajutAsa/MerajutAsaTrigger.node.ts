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
import { merajutAsa } from './definition';

export class MerajutAsaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MerajutASA Trigger',
		name: 'merajutAsaTrigger',
		icon: { light: 'file:merajutasa.svg', dark: 'file:merajutasa.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when MerajutASA sends a signed child welfare, CSR program or volunteer event',
		defaults: { name: 'MerajutASA Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'merajutAsaApi', required: true }],
		webhooks: PROVIDER_WEBHOOKS,
		properties: [
			{
				displayName:
					"MerajutASA's Integration Team sets up webhook endpoints: send them this node's Production URL and put the signing secret they issue into the credential",
				name: 'setupNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { setup: [MANUAL_SETUP] } },
			},
			...triggerProperties(merajutAsa),
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkSubscription(this, merajutAsa, 'merajutAsaApi');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createSubscription(this, merajutAsa, 'merajutAsaApi');
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteSubscription(this, merajutAsa, 'merajutAsaApi');
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleProviderWebhook(this, merajutAsa, 'merajutAsaApi');
	}
}
