import type { IWebhookFunctions } from 'n8n-workflow';

import type { DeliveryRequest } from '../pipeline/delivery';

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

export async function readDeliveryRequest(context: IWebhookFunctions, maxBodyBytes: number): Promise<DeliveryRequest> {
	const request = context.getRequestObject();
	return {
		...(await readBody(context, maxBodyBytes)),
		headers: request.headers,
		socketAddress: request.socket?.remoteAddress,
		now: new Date(),
	};
}
