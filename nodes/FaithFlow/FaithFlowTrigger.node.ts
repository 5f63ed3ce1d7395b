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
import { manualSetup } from '../shared/n8n/manualSetup';
import { triggerProperties } from '../shared/n8n/triggerProperties';
import { attachFullMembers } from './attachMember';
import { faithFlow } from './definition';
import { FAITHFLOW_OPTIONS } from './options';

export class FaithFlowTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'FaithFlow Trigger',
		name: 'faithFlowTrigger',
		icon: { light: 'file:faithflow.svg', dark: 'file:faithflow.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when FaithFlow Enterprise sends a signed member created, updated or deleted event (FaithTracker sync webhook)',
		defaults: { name: 'FaithFlow Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'faithFlowApi', required: true }],
		webhooks: PROVIDER_WEBHOOKS,
		properties: [
			{
				displayName:
					'In FaithFlow Enterprise, add a webhook with this node\'s production URL, the algorithm HMAC-SHA256, the header name X-Webhook-Signature and the same secret as the Signing Secret of the credential, then enable member.created, member.updated and member.deleted.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			...triggerProperties(faithFlow, FAITHFLOW_OPTIONS),
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await manualSetup.checkExists();
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await manualSetup.create();
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await manualSetup.delete();
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// Refusals are answered by the time handleProviderWebhook returns; an
		// accepted delivery is answered by n8n once recorded, so "Attach Full
		// Member" (bounded by its timeout) comes before FaithFlow's 200.
		const result = await handleProviderWebhook(this, faithFlow, 'faithFlowApi');
		return await attachFullMembers(this, result);
	}
}
