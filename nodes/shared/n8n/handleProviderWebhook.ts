import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { recordDelivery, type SeenDeliveries } from '../pipeline/dedupe';
import { processDelivery } from '../pipeline/processDelivery';
import type { TriggerSettings } from '../pipeline/settings';
import type { HttpReply, ProviderDefinition } from '../provider';
import { reject } from '../verification/verdict';
import { readDeliveryRequest } from './readDeliveryRequest';
import { readTriggerSettings, secretsFrom, type SigningSecrets } from './readTriggerSettings';
import { storedSigningSecret } from './subscriptionStaticData';

/**
 * Writes the answer ourselves and tells n8n not to: that is the only way to
 * give a refusal the provider's status and body without n8n recording a
 * failed execution, and it keeps the acknowledgement independent of whatever
 * the workflow later does (no retry storms when a workflow fails).
 */
function send(context: IWebhookFunctions, reply: HttpReply): void {
	context.getResponseObject().status(reply.status).json(reply.body);
}

/**
 * The credential's secrets first (current, then previous); when the
 * credential has no current secret, the one the trigger generated when it
 * registered itself with the provider (kept in the node's static data).
 */
async function readSecrets(context: IWebhookFunctions, credentialName: string): Promise<string[]> {
	let credentials: SigningSecrets | undefined;
	try {
		credentials = await context.getCredentials<SigningSecrets>(credentialName);
	} catch (error) {
		context.logger.warn(`No usable ${credentialName} credential on this trigger`, {
			error: error instanceof Error ? error.message : String(error),
		});
	}
	const secrets = secretsFrom(credentials);
	const generated = storedSigningSecret(context.getWorkflowStaticData('node'));
	if (!credentials?.signingSecret && generated !== undefined) secrets.push(generated);
	return secrets;
}

/** An unsigned scheme (IP allowlist with Verify Signature off) needs no secret, so no credential either. */
function needsSecrets(provider: ProviderDefinition, settings: TriggerSettings): boolean {
	return provider.authentication.kind === 'hmac-sha256' || settings.optionalHmac?.enabled === true;
}

/** Static-data key of the delivery ids already emitted (see pipeline/dedupe.ts). */
const SEEN_DELIVERIES = 'seenDeliveries';

/** True when the user asked to drop provider retries and this delivery id was emitted before. */
function isRepeatedDelivery(context: IWebhookFunctions, settings: TriggerSettings, deliveryId: string | undefined): boolean {
	if (settings.options?.ignoreDuplicates !== true || deliveryId === undefined) return false;
	const staticData = context.getWorkflowStaticData('node');
	const seen = (staticData[SEEN_DELIVERIES] ??= {}) as SeenDeliveries;
	return recordDelivery(seen, deliveryId, Date.now());
}

export async function handleProviderWebhook(
	context: IWebhookFunctions,
	provider: ProviderDefinition,
	credentialName: string,
): Promise<IWebhookResponseData> {
	const request = await readDeliveryRequest(context);
	let settings: TriggerSettings;
	try {
		const unsigned = readTriggerSettings(context, provider, []);
		settings = needsSecrets(provider, unsigned)
			? { ...unsigned, secrets: await readSecrets(context, credentialName) }
			: unsigned;
	} catch (error) {
		const rejection = reject('not_configured', 'The trigger parameters could not be read');
		context.logger.warn(rejection.detail, { error: error instanceof Error ? error.message : String(error) });
		send(context, provider.replies.rejected(rejection));
		return { noWebhookResponse: true };
	}

	const outcome = processDelivery(provider, request, settings);
	send(context, outcome.reply);
	if (outcome.action === 'reject') {
		const log = outcome.rejection.reason === 'not_configured' ? context.logger.warn : context.logger.info;
		log.call(context.logger, `${provider.displayName} webhook refused: ${outcome.rejection.detail}`, {
			reason: outcome.rejection.reason,
			status: outcome.reply.status,
		});
		return { noWebhookResponse: true };
	}
	if (outcome.action === 'acknowledge') {
		context.logger.debug(`${provider.displayName} webhook acknowledged without starting the workflow`, {
			why: outcome.why,
		});
		return { noWebhookResponse: true };
	}
	if (isRepeatedDelivery(context, settings, outcome.deliveryId)) {
		context.logger.debug(`${provider.displayName} webhook acknowledged without starting the workflow`, {
			why: 'duplicate',
		});
		return { noWebhookResponse: true };
	}
	return {
		noWebhookResponse: true,
		workflowData: [[{ json: outcome.item as IDataObject }]],
	};
}
