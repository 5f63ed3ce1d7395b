import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { handleProviderWebhook } from '../shared/n8n/handleProviderWebhook';
import { manualSetup } from '../shared/n8n/manualSetup';
import { triggerProperties } from '../shared/n8n/triggerProperties';
import { esahayak, REQUIRE_EVENT_HEADER_OPTION } from './definition';

export class ESahayakTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'eSahayak Trigger',
		name: 'eSahayakTrigger',
		icon: { light: 'file:esahayak.svg', dark: 'file:esahayak.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when eSahayak reports that a stamp was uploaded or failed, or an order was delivered or cancelled',
		defaults: { name: 'eSahayak Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'eSahayakApi',
				required: true,
				// eSahayak does not sign yet: the credential only holds the secret for the optional signature check.
				displayOptions: { show: { 'options.verifySignature': [true] } },
			},
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					"eSahayak only delivers to a public HTTPS URL. Paste this node's Production URL in the eSahayak dashboard under Settings > API Access > Webhook Configuration and click Save Webhook.",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			...triggerProperties(esahayak, [
				{
					displayName: 'Require Event Header',
					name: REQUIRE_EVENT_HEADER_OPTION,
					type: 'boolean',
					default: true,
					description:
						'Whether to refuse (400) deliveries without the X-eSahayak-Event header, which eSahayak sends with every request. Turn off only if a proxy in front of n8n removes it. A header that is present must always match the payload type.',
				},
			]),
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
		return await handleProviderWebhook(this, esahayak, 'eSahayakApi');
	}
}
