import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { InvalidPayloadHandling, TriggerSettings } from '../pipeline/settings';
import type { ProviderDefinition } from '../provider';
import { OPTIONS_PARAMETER } from './triggerProperties';

/** Field names every provider credential uses for its signing secrets. */
export interface SigningSecrets {
	readonly signingSecret?: string;
	readonly previousSigningSecret?: string;
}

export function secretsFrom(credentials: SigningSecrets | undefined): string[] {
	return [credentials?.signingSecret ?? '', credentials?.previousSigningSecret ?? ''].filter(
		(secret) => typeof secret === 'string' && secret !== '',
	);
}

/** Reads the node's parameters into the pipeline's settings. */
export function readTriggerSettings(
	context: IWebhookFunctions,
	provider: ProviderDefinition,
	secrets: readonly string[],
): TriggerSettings {
	const options = context.getNodeParameter(OPTIONS_PARAMETER, {}) as IDataObject;
	const scheme = provider.authentication;
	return {
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
					optionalHmac: {
						enabled: options.verifySignature === true,
						header: (options.signatureHeader as string | undefined) || scheme.optionalHmac.signatureHeader,
					},
				}
			: {}),
	};
}
