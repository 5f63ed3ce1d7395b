import type { IHookFunctions, INodeProperties } from 'n8n-workflow';

import type { ProviderDefinition } from '../provider';

/** Values of the trigger's `setup` parameter (offered only for assumed subscription APIs). */
export const MANUAL_SETUP = 'manual';
export const AUTOMATIC_SETUP = 'automatic';

/** Whether this trigger registers its URL with the provider (documented API, or the user chose automatic). */
export function registersItself(context: IHookFunctions, provider: ProviderDefinition): boolean {
	const api = provider.subscriptions;
	if (!api) return false;
	return !api.assumed || context.getNodeParameter('setup', MANUAL_SETUP) === AUTOMATIC_SETUP;
}

/**
 * The trigger parameters that explain (documented API) or choose (assumed
 * API) how the webhook URL reaches the provider. Empty for providers without
 * a subscriptions API.
 */
export function subscriptionSetupProperties(provider: ProviderDefinition): INodeProperties[] {
	const api = provider.subscriptions;
	const name = provider.displayName;
	if (!api) return [];
	if (!api.assumed) {
		return [
			{
				displayName: `Publishing this workflow registers its webhook URL with ${name} for the selected events, with a newly generated signing secret unless the credential has one; unpublishing removes it. "Listen for test event" registers the test URL until the test ends.`,
				name: 'registrationNotice',
				type: 'notice',
				default: '',
			},
		];
	}
	return [
		{
			displayName: 'Setup',
			name: 'setup',
			type: 'options',
			default: MANUAL_SETUP,
			description: `How ${name} learns this trigger's webhook URL`,
			options: [
				{
					name: `I'll Paste the URL Into ${name}'s Dashboard`,
					value: MANUAL_SETUP,
					description: `Copy the webhook URL above into ${name} yourself, with the signing secret from the credential`,
				},
				{
					name: 'Register Automatically',
					value: AUTOMATIC_SETUP,
					description: `Publishing registers the URL through the subscriptions endpoint set in the credential and unpublishing removes it. ${name} does not document this API; it is assumed to work like Rishi's.`,
				},
			],
		},
		{
			displayName: `${name} does not document a webhook API. Automatic registration assumes a Rishi-style endpoint (GET/POST at the credential's Subscriptions Path, PUT/DELETE at that path plus the subscription ID). If activation fails, switch back to pasting the URL.`,
			name: 'assumedApiNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { setup: [AUTOMATIC_SETUP] } },
		},
	];
}
