import {
	NodeConnectionTypes,
	NodeOperationError,
	type IHookFunctions,
	type INodeProperties,
	type INodeTypeDescription,
} from 'n8n-workflow';

import type { ProviderDefinition } from '../provider';
import { PROVIDER_WEBHOOKS } from './rawBodyWebhook';
import { sampleHints } from './sampleHints';
import { checkSubscription, createSubscription, deleteSubscription } from './subscriptionLifecycle';
import { MANUAL_SETUP, registersItself } from './subscriptionSetup';
import { OPTIONS_PARAMETER, triggerProperties } from './triggerProperties';

/** A trigger class takes all its builders from here. */
export { providerWebhook } from './receiveDelivery';
export { signingSecretCredentialTest } from './signingSecretTest';
export { WHEN_SET_UP_BY_HAND } from './subscriptionSetup';

/**
 * Builds a provider's trigger node from its definition: the class of each
 * provider states only what n8n shows of it (names, icon, the words of its
 * description and set-up notice) and its own options.
 */
export interface TriggerNodeIdentity {
	/** The node type, as package.json and the codex file know it, e.g. `rishiTrigger`. */
	readonly name: string;
	readonly description: string;
	/** How to connect the provider by hand: shown while Setup is manual (always, for a provider without a subscriptions API). */
	readonly setupNotice?: string;
	/** Entries of the Options collection only this provider has; their values reach `checkDelivery`. */
	readonly options?: INodeProperties[];
}

/** The trigger's subtitle in the editor: the selected events. */
export const TRIGGER_SUBTITLE = '={{$parameter["events"].join(", ")}}';

/**
 * An unsigned scheme (an IP allowlist) works without a credential in its
 * default, manual set-up; the trigger still offers them, for automatic
 * registration and for a signature check (see requireCredentialWhenNeeded).
 */
function credentialIsOptional(provider: ProviderDefinition): boolean {
	return provider.authentication.kind === 'ip-allowlist';
}

function setupNotice(provider: ProviderDefinition, text: string | undefined): INodeProperties[] {
	if (text === undefined) return [];
	return [
		{
			displayName: text,
			name: 'setupNotice',
			type: 'notice',
			default: '',
			...(provider.subscriptions ? { displayOptions: { show: { setup: [MANUAL_SETUP] } } } : {}),
		},
	];
}

/**
 * Everything of the trigger's description but what n8n's lint wants written
 * in the class: icon, subtitle and credentials (the contract test holds the
 * credentials to the definition).
 */
export function providerTriggerDescription(
	provider: ProviderDefinition,
	node: TriggerNodeIdentity,
): Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'credentials'> {
	const displayName = `${provider.displayName} Trigger`;
	return {
		displayName,
		name: node.name,
		group: ['trigger'],
		version: 1,
		description: node.description,
		defaults: { name: displayName },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: PROVIDER_WEBHOOKS,
		properties: [...setupNotice(provider, node.setupNotice), ...triggerProperties(provider, node.options)],
		hints: sampleHints(provider),
	};
}

/** The credential the node's current settings need but the node lacks, and what for. */
function missingCredential(context: IHookFunctions, provider: ProviderDefinition): { kind: string; need: string } | undefined {
	const attached = context.getNode().credentials ?? {};
	if (registersItself(context, provider)) {
		return attached[provider.credentialName] ? undefined : { kind: 'API', need: '"Register Automatically" needs its Base URL and API key' };
	}
	const verifiesOptionalSignature =
		credentialIsOptional(provider) && context.getNodeParameter(`${OPTIONS_PARAMETER}.verifySignature`, false) === true;
	if (verifiesOptionalSignature && !attached[provider.signingSecretCredentialName]) {
		return { kind: 'Signing Secret', need: '"Verify Signature" needs its Signing Secret' };
	}
	return undefined;
}

/**
 * n8n lets an optional credential be left empty (the API credential stays
 * optional so that a trigger switched to manual can still remove what it
 * registered); when the settings need it, activation stops here with what to
 * do rather than n8n's "Node does not require credentials".
 */
function requireCredentialWhenNeeded(context: IHookFunctions, provider: ProviderDefinition): void {
	const missing = missingCredential(context, provider);
	if (missing === undefined) return;
	const name = provider.displayName;
	throw new NodeOperationError(
		context.getNode(),
		`Select ${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name} ${missing.kind} credential in the trigger: ${missing.need}`,
		{
			level: 'warning',
			...(credentialIsOptional(provider)
				? { description: `Pasting the URL into the ${name} dashboard yourself (Setup) with Verify Signature off needs no credential.` }
				: {}),
		},
	);
}

export function providerWebhookMethods(provider: ProviderDefinition) {
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				requireCredentialWhenNeeded(this, provider);
				return await checkSubscription(this, provider);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				requireCredentialWhenNeeded(this, provider);
				return await createSubscription(this, provider);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteSubscription(this, provider);
			},
		},
	};
}
