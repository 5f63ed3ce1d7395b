import type { IWebhookFunctions } from 'n8n-workflow';

import type { DeliveryRequest } from '../pipeline/delivery';

/**
 * The raw bytes n8n received. n8n fills `rawBody` for JSON and text types but
 * leaves vendor types (`application/vnd.x+json`) and bodies without a
 * Content-Type unread, so read them on demand. Never re-serialise `req.body`:
 * the signature covers the bytes sent, not a re-encoding of them.
 */
async function readRawBody(context: IWebhookFunctions): Promise<Buffer | undefined> {
	const request = context.getRequestObject();
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') {
		try {
			await request.readRawBody();
		} catch (error) {
			context.logger.warn('Could not read the webhook request body', {
				error: error instanceof Error ? error.message : String(error),
			});
			return undefined;
		}
	}
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
}

export async function readDeliveryRequest(context: IWebhookFunctions): Promise<DeliveryRequest> {
	const request = context.getRequestObject();
	return {
		rawBody: await readRawBody(context),
		headers: request.headers,
		socketAddress: request.socket?.remoteAddress,
		now: new Date(),
	};
}
