/*
 * The n8n side of one delivery, in the order it happens: read the trigger's
 * settings and the raw bytes, run the pipeline (pipeline/processDelivery.ts),
 * answer a refusal at once, or hand an accepted delivery to n8n, which
 * answers the provider once it has recorded the execution (rawBodyWebhook.ts).
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { processDelivery } from '../pipeline/processDelivery';
import type { DeliveryOutcome, DeliveryRequest } from '../pipeline/delivery';
import { acknowledgedReport, refusalReport, type TestModeReport } from '../pipeline/testModeReport';
import type { TriggerSettings } from '../pipeline/settings';
import type { HttpReply, ProviderDefinition } from '../provider';
import { reject, type Rejection } from '../verification/verdict';
import { claimDelivery } from './ignoreDuplicates';
import { readTriggerSettings } from './readTriggerSettings';

type BodyRead = Pick<DeliveryRequest, 'rawBody' | 'bodyTooLarge'>;

/** n8n's reader fails with raw-body's 413 when a body passes N8N_PAYLOAD_SIZE_MAX. */
function isTooLarge(error: unknown): boolean {
	const { type, status, statusCode } = (error ?? {}) as { type?: unknown; status?: unknown; statusCode?: unknown };
	return type === 'entity.too.large' || status === 413 || statusCode === 413;
}

/**
 * The exact bytes received, read by us: the trigger tells n8n not to parse
 * the body (see rawBodyWebhook.ts), so `rawBody` is normally unset here and
 * `readRawBody()` reads it, decompressing gzip/deflate as n8n does. A body
 * declared longer than `maxBytes` is refused without reading a byte; one that
 * turns out longer (chunked, compressed) is refused before it is hashed.
 * Never re-serialise `req.body`: the signature covers the bytes sent.
 */
async function readBody(context: IWebhookFunctions, maxBytes: number): Promise<BodyRead> {
	const request = context.getRequestObject();
	if (!Buffer.isBuffer(request.rawBody)) {
		const declared = Number(request.headers['content-length']);
		if (Number.isFinite(declared) && declared > maxBytes) return { rawBody: undefined, bodyTooLarge: true };
		try {
			await request.readRawBody();
		} catch (error) {
			if (isTooLarge(error)) return { rawBody: undefined, bodyTooLarge: true };
			context.logger.warn('Could not read the webhook request body', {
				error: error instanceof Error ? error.message : String(error),
			});
			return { rawBody: undefined };
		}
	}
	const rawBody = Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
	if (rawBody !== undefined && rawBody.length > maxBytes) return { rawBody: undefined, bodyTooLarge: true };
	return { rawBody };
}

async function readDeliveryRequest(context: IWebhookFunctions, maxBodyBytes: number): Promise<DeliveryRequest> {
	const request = context.getRequestObject();
	return {
		...(await readBody(context, maxBodyBytes)),
		headers: request.headers,
		socketAddress: request.socket?.remoteAddress,
		now: new Date(),
	};
}

/** n8n's mode while the editor is listening for a test event (the /webhook-test/ URL). */
function isTestEvent(context: IWebhookFunctions): boolean {
	return context.getMode() === 'manual';
}

/**
 * Answers at once, without an execution: refusals (with the provider's status
 * and body, which n8n has no way to give them), and deliveries that start
 * nothing (unselected events, connection tests, duplicates). While the editor
 * listens for a test event the provider gets the same answer, and the report
 * becomes the test execution's one item, so the panel shows what happened
 * instead of listening on; production runs nothing.
 */
function answerNow(context: IWebhookFunctions, reply: HttpReply, report: () => TestModeReport): IWebhookResponseData {
	context.getResponseObject().status(reply.status).json(reply.body);
	if (isTestEvent(context)) return { noWebhookResponse: true, workflowData: [[{ json: { ...report() } }]] };
	return { noWebhookResponse: true };
}

function refuse(
	context: IWebhookFunctions,
	provider: ProviderDefinition,
	settings: TriggerSettings | undefined,
	rejection: Rejection,
): IWebhookResponseData {
	const reply = provider.replies.rejected(rejection);
	const log = reply.status >= 500 ? context.logger.warn : context.logger.info;
	log.call(context.logger, `${provider.displayName} webhook refused: ${rejection.detail}`, {
		reason: rejection.reason,
		status: reply.status,
	});
	return answerNow(context, reply, () => refusalReport(provider, settings, { action: 'reject', reply, rejection }));
}

function acknowledge(
	context: IWebhookFunctions,
	provider: ProviderDefinition,
	reply: HttpReply,
	why: 'event_not_selected' | 'connection_test' | 'duplicate',
	eventType: string,
): IWebhookResponseData {
	context.logger.debug(`${provider.displayName} webhook acknowledged without starting the workflow`, { why });
	return answerNow(context, reply, () => acknowledgedReport(reply.status, why, eventType));
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

/** An accepted delivery's item, with the settings it was accepted under. */
export interface AcceptedItem {
	readonly json: IDataObject;
	readonly settings: TriggerSettings;
}

/** Work on an accepted item before n8n records the execution and answers the provider. */
export type AfterAccept = (context: IWebhookFunctions, accepted: AcceptedItem) => Promise<void>;

/**
 * One delivery inside n8n. An accepted one is returned to n8n with the
 * provider's success body as `webhookResponse`: n8n sends it only after it
 * has recorded the execution (rawBodyWebhook.ts), so a 2xx means n8n has it.
 */
async function receiveDelivery(
	context: IWebhookFunctions,
	provider: ProviderDefinition,
	afterAccept: AfterAccept | undefined,
): Promise<IWebhookResponseData> {
	const settings = await readSettings(context, provider);
	if (!settings) return refuse(context, provider, undefined, reject('not_configured', 'The trigger parameters could not be read'));

	const request = await readDeliveryRequest(context, settings.maxBodyBytes);
	const outcome: DeliveryOutcome = processDelivery(provider, request, settings);
	if (outcome.action === 'reject') return refuse(context, provider, settings, outcome.rejection);
	if (outcome.action === 'acknowledge') return acknowledge(context, provider, outcome.reply, outcome.why, outcome.eventType);
	let recorded: (() => void) | undefined;
	if (settings.ignoreDuplicates) {
		const claim = claimDelivery(context, outcome.deliveryId);
		if (claim.result === 'in_progress') {
			return refuse(context, provider, settings, reject('delivery_in_progress', 'This delivery is being recorded by another request'));
		}
		if (claim.result === 'done') return acknowledge(context, provider, outcome.reply, 'duplicate', outcome.eventType);
		recorded = claim.recorded;
	}
	const json = outcome.item as IDataObject;
	if (afterAccept) await afterAccept(context, { json, settings });
	return acceptedResponse(json, outcome.reply.body, recorded);
}

/**
 * What n8n gets for an accepted delivery. n8n reads `webhookResponse` to
 * answer once WorkflowRunner.run has registered the execution
 * (rawBodyWebhook.ts), and saves static data right after: the one moment a
 * trigger can learn that its delivery is recorded, so `onRecorded` runs on
 * that read.
 */
function acceptedResponse(json: IDataObject, successBody: unknown, onRecorded: (() => void) | undefined): IWebhookResponseData {
	const response: IWebhookResponseData = { workflowData: [[{ json }]] };
	return Object.defineProperty(response, 'webhookResponse', {
		enumerable: true,
		get: () => {
			onRecorded?.();
			return successBody;
		},
	});
}

/** The trigger's `webhook()`; `afterAccept` is a provider's own work on an accepted item (see AfterAccept). */
export function providerWebhook(provider: ProviderDefinition, afterAccept?: AfterAccept) {
	return async function webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery(this, provider, afterAccept);
	};
}
