import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { processDelivery } from '../pipeline/processDelivery';
import type { TriggerSettings } from '../pipeline/settings';
import type { HttpReply, ProviderDefinition } from '../provider';
import { reject, type Rejection } from '../verification/verdict';
import { claimDelivery } from './ignoreDuplicates';
import { readDeliveryRequest } from './readDeliveryRequest';
import { readTriggerSettings } from './readTriggerSettings';

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

async function readSettings(context: IWebhookFunctions, provider: ProviderDefinition): Promise<TriggerSettings | undefined> {
	try {
		return await readTriggerSettings(context, provider);
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
export async function handleProviderWebhook(context: IWebhookFunctions, provider: ProviderDefinition): Promise<IWebhookResponseData> {
	const settings = await readSettings(context, provider);
	if (!settings) return refuse(context, provider, reject('not_configured', 'The trigger parameters could not be read'));

	const request = await readDeliveryRequest(context, settings.maxBodyBytes);
	const outcome = processDelivery(provider, request, settings);
	if (outcome.action === 'reject') return refuse(context, provider, outcome.rejection);
	if (outcome.action === 'acknowledge') {
		context.logger.debug(`${provider.displayName} webhook acknowledged without starting the workflow`, { why: outcome.why });
		return answerNow(context, outcome.reply);
	}
	if (settings.ignoreDuplicates) {
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
