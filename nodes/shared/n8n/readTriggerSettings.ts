import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { settingsFrom, type InvalidPayloadHandling, type TriggerChoices, type TriggerSettings } from '../pipeline/settings';
import type { ProviderDefinition } from '../provider';
import { secretsToVerifyWith, type CredentialSecrets } from '../subscriptions/signingSecret';
import { secretCredentialName } from './subscriptionSetup';
import { OPTIONS_PARAMETER } from './triggerProperties';

/** A scheme that checks no signature (an IP allowlist with Verify Signature off) needs no secret, so no credential. */
function checksSignature(provider: ProviderDefinition, options: IDataObject): boolean {
	return provider.authentication.kind === 'hmac-sha256' || options.verifySignature === true;
}

async function readCredentialSecrets(context: IWebhookFunctions, provider: ProviderDefinition): Promise<CredentialSecrets | undefined> {
	const credentialName = secretCredentialName(context, provider);
	try {
		return await context.getCredentials<CredentialSecrets & IDataObject>(credentialName);
	} catch (error) {
		// Answered as not configured by the signature check, which fails closed without a secret.
		context.logger.warn(`No usable ${credentialName} credential on this trigger`, {
			error: error instanceof Error ? error.message : String(error),
		});
		return undefined;
	}
}

/** Reads the node's parameters and the credential's secrets once per delivery; settingsFrom applies every default. */
export async function readTriggerSettings(context: IWebhookFunctions, provider: ProviderDefinition): Promise<TriggerSettings> {
	const options = context.getNodeParameter(OPTIONS_PARAMETER, {}) as IDataObject;
	const scheme = provider.authentication;
	const secrets = checksSignature(provider, options)
		? secretsToVerifyWith(await readCredentialSecrets(context, provider), context.getWorkflowStaticData('node'))
		: [];
	const choices: TriggerChoices = {
		events: context.getNodeParameter('events', []) as string[],
		secrets,
		invalidPayload: (options.invalidPayload as InvalidPayloadHandling | undefined) ?? 'emitWithErrors',
		includeHeaders: options.includeHeaders === true,
		replayToleranceSeconds: options.replayToleranceSeconds as number | undefined,
		emitConnectionTests: options.emitConnectionTests === true,
		options,
		...(scheme.kind === 'ip-allowlist'
			? {
					ipAllowlist: {
						enabled: context.getNodeParameter('restrictToProviderIps', true) as boolean,
						ranges: context.getNodeParameter('allowedIpRanges', scheme.defaultRanges.join(', ')) as string,
						trustedProxyHops: context.getNodeParameter('trustedProxyHops', 0) as number,
					},
					optionalHmac: { enabled: options.verifySignature === true, header: String(options.signatureHeader ?? '') },
				}
			: {}),
	};
	return settingsFrom(provider, choices);
}
