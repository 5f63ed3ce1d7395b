import type { IHookFunctions, INodeProperties } from 'n8n-workflow';

import type { ProviderDefinition, SubscriptionApiDefinition } from '../provider';

/** Values of the trigger's `setup` parameter (offered only for assumed subscription APIs). */
export const MANUAL_SETUP = 'manual';
export const AUTOMATIC_SETUP = 'automatic';

/** A documented API is used unless the user opts out; an assumed one only when the user opts in. */
function defaultSetup(api: SubscriptionApiDefinition): string {
	return api.assumed ? MANUAL_SETUP : AUTOMATIC_SETUP;
}

/** What reading the Setup parameter needs: any of n8n's contexts of a trigger. */
type ParameterReader = Pick<IHookFunctions, 'getNodeParameter'>;

/** Shows the signing-secret credential only while the URL is given to the provider by hand (its `displayOptions`). */
export const WHEN_SET_UP_BY_HAND = { show: { setup: [MANUAL_SETUP] } };

/** Whether this trigger registers its URL with the provider (the Setup parameter, defaulted per API kind). */
export function registersItself(context: ParameterReader, provider: ProviderDefinition): boolean {
	const api = provider.subscriptions;
	if (!api) return false;
	return context.getNodeParameter('setup', defaultSetup(api)) === AUTOMATIC_SETUP;
}

/**
 * The trigger parameters that choose how the webhook URL reaches the
 * provider, and say what the choice means. Empty for providers without a
 * subscriptions API (their set-up notice says what to do by hand).
 */
export function subscriptionSetupProperties(provider: ProviderDefinition): INodeProperties[] {
	const api = provider.subscriptions;
	const name = provider.displayName;
	if (!api) return [];
	const registration: INodeProperties = api.assumed
		? {
				displayName: `${name} does not document a webhook API. Automatic registration assumes a Rishi-style endpoint (GET/POST at the credential's Subscriptions Path, PUT/DELETE at that path plus the subscription ID). If activation fails, switch Setup back to manual.`,
				name: 'assumedApiNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { setup: [AUTOMATIC_SETUP] } },
			}
		: {
				displayName: `Publishing this workflow registers its webhook URL with ${name} for the selected events, with a newly generated signing secret unless the credential has one; unpublishing removes it. "Listen for test event" registers the test URL until the test ends.`,
				name: 'registrationNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { setup: [AUTOMATIC_SETUP] } },
			};
	return [
		{
			displayName: 'Setup',
			name: 'setup',
			type: 'options',
			default: defaultSetup(api),
			description: `How ${name} learns this trigger's webhook URL`,
			options: [
				{
					name: 'Manual',
					value: MANUAL_SETUP,
					description: `You give ${name} the webhook URL, and it signs with the credential's Signing Secret`,
				},
				{
					name: 'Register Automatically',
					value: AUTOMATIC_SETUP,
					description: api.assumed
						? `Publishing registers the URL through the assumed API; unpublishing removes it`
						: `Publishing registers the URL with ${name}; unpublishing removes it`,
				},
			],
		},
		registration,
	];
}

/**
 * The credential the trigger reads its signing secrets from: the API
 * credential when it registers itself (it may generate the secret), else the
 * signing-secret credential, which needs no API to test green.
 */
export function secretCredentialName(context: ParameterReader, provider: ProviderDefinition): string {
	return registersItself(context, provider) ? provider.credentialName : provider.signingSecretCredentialName;
}
