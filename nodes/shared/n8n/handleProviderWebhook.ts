import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { processDelivery } from '../pipeline/processDelivery';
import { maxBodyBytes, type TriggerSettings } from '../pipeline/settings';
import type { HttpReply, ProviderDefinition } from '../provider';
import { reject, type Rejection } from '../verification/verdict';
import { claimDelivery } from './ignoreDuplicates';
import { readDeliveryRequest } from './readDeliveryRequest';
import { readTriggerSettings, secretsFrom, type SigningSecrets } from './readTriggerSettings';
import { storedSigningSecret } from './subscriptionStaticData';

/**
 * Answers at once, without an execution: refusals (with the provider's status
 * and body, which n8n has no way to give them), and deliveries that start
 * nothing (unselected events, connection tests, duplicates).
 */
function answerNow(context: IWebhookFunctions, reply: HttpReply): IWebhookResponseData {
	context.getResponseObject().status(reply.status).json(reply.body);
	return { noWebhookResponse: true };
}

function refuse(context: IWebhookFunctions, provider: ProviderDefinition, rejection: Rejection): IWebhookResponseData {
	const reply = provider.replies.rejected(rejection);
	const log = reply.status >= 500 ? context.logger.warn : context.logger.info;
	log.call(context.logger, `${provider.displayName} webhook refused: ${rejection.detail}`, {
		reason: rejection.reason,
		status: reply.status,
	});
	return answerNow(context, reply);
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

async function readSettings(
	context: IWebhookFunctions,
	provider: ProviderDefinition,
	credentialName: string,
): Promise<TriggerSettings | undefined> {
	try {
		const unsigned = readTriggerSettings(context, provider, []);
		return needsSecrets(provider, unsigned) ? { ...unsigned, secrets: await readSecrets(context, credentialName) } : unsigned;
	} catch (error) {
		context.logger.warn('The trigger parameters could not be read', {
			error: error instanceof Error ? error.message : String(error),
		});
		return undefined;
	}
}

/**
 * One delivery inside n8n. An accepted one is returned to n8n with the
 * provider's success body as `webhookResponse`: n8n sends it only after it
 * has recorded the execution (rawBodyWebhook.ts), so a 2xx means n8n has it.
 */
export async function handleProviderWebhook(
	context: IWebhookFunctions,
	provider: ProviderDefinition,
	credentialName: string,
): Promise<IWebhookResponseData> {
	const settings = await readSettings(context, provider, credentialName);
	if (!settings) return refuse(context, provider, reject('not_configured', 'The trigger parameters could not be read'));

	const request = await readDeliveryRequest(context, maxBodyBytes(settings));
	const outcome = processDelivery(provider, request, settings);
	if (outcome.action === 'reject') return refuse(context, provider, outcome.rejection);
	if (outcome.action === 'acknowledge') {
		context.logger.debug(`${provider.displayName} webhook acknowledged without starting the workflow`, { why: outcome.why });
		return answerNow(context, outcome.reply);
	}
	if (settings.options?.ignoreDuplicates === true) {
		const claim = claimDelivery(context, outcome.deliveryId);
		if (claim === 'in_progress') {
			return refuse(context, provider, reject('delivery_in_progress', 'This delivery is being recorded by another request'));
		}
		if (claim === 'done') {
			context.logger.debug(`${provider.displayName} webhook acknowledged without starting the workflow`, { why: 'duplicate' });
			return answerNow(context, outcome.reply);
		}
	}
	return {
		workflowData: [[{ json: outcome.item as IDataObject }]],
		webhookResponse: outcome.reply.body,
	};
}
