import {
	NodeConnectionTypes,
	NodeOperationError,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { handleProviderWebhook } from '../shared/n8n/handleProviderWebhook';
import { PROVIDER_WEBHOOKS } from '../shared/n8n/rawBodyWebhook';
import { checkSubscription, createSubscription, deleteSubscription } from '../shared/n8n/subscriptionLifecycle';
import { AUTOMATIC_SETUP, MANUAL_SETUP } from '../shared/n8n/subscriptionSetup';
import { OPTIONS_PARAMETER, triggerProperties } from '../shared/n8n/triggerProperties';
import { esahayak, REQUIRE_EVENT_HEADER_OPTION } from './definition';

const CREDENTIAL_NAME = 'eSahayakApi';

/**
 * What the credential is needed for with the node's current settings, if
 * anything. It is optional on this trigger (see `credentials` below), so
 * activation checks for it here, with a message that says what to do rather
 * than n8n's "Node does not require credentials".
 */
function credentialNeededFor(context: IHookFunctions): string | undefined {
	if (context.getNodeParameter('setup', MANUAL_SETUP) === AUTOMATIC_SETUP) {
		return '"Register Automatically" needs its Base URL and API key';
	}
	if (context.getNodeParameter(`${OPTIONS_PARAMETER}.verifySignature`, false) === true) return '"Verify Signature" needs its Signing Secret';
	return undefined;
}

function requireCredential(context: IHookFunctions): void {
	const need = credentialNeededFor(context);
	if (need === undefined || context.getNode().credentials?.[CREDENTIAL_NAME]) return;
	throw new NodeOperationError(context.getNode(), `Select an eSahayak API credential in the trigger: ${need}`, {
		level: 'warning',
		description:
			'Pasting the URL into the eSahayak dashboard yourself (Setup) with Verify Signature off needs no credential.',
	});
}

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
				name: CREDENTIAL_NAME,
				// Needed when Setup is "Register Automatically" (API key) or Verify Signature is on (secret),
				// not for the default manual, unsigned set-up. displayOptions cannot say "either", so it is
				// always offered and its absence is reported at activation (see requireCredential).
				required: false,
			},
		],
		webhooks: PROVIDER_WEBHOOKS,
		properties: [
			{
				displayName:
					"eSahayak only delivers to a public HTTPS URL. Paste this node's Production URL in the eSahayak dashboard under Settings > API Access > Webhook Configuration and click Save Webhook.",
				name: 'setupNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { setup: [MANUAL_SETUP] } },
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
				requireCredential(this);
				return await checkSubscription(this, esahayak, CREDENTIAL_NAME);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				requireCredential(this);
				return await createSubscription(this, esahayak, CREDENTIAL_NAME);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteSubscription(this, esahayak, CREDENTIAL_NAME);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleProviderWebhook(this, esahayak, CREDENTIAL_NAME);
	}
}
