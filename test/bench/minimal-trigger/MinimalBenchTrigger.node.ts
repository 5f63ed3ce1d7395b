/* eslint-disable @n8n/community-nodes/icon-validation, @n8n/community-nodes/icon-prefer-themed-variants, @n8n/community-nodes/webhook-lifecycle-complete -- a benchmark fixture: never shown in an editor, registered with no third-party service */
/**
 * The yardstick of `npm run bench:n8n`: the least a community webhook trigger
 * can do that is still comparable with ours (HMAC-SHA256 over the raw body,
 * JSON.parse, a zod schema, one item), with no credential, event filter or
 * replay window. It goes through the same n8n paths as our triggers (a
 * community start node: an expression isolate per request under the default
 * engine; the raw body read by the node; the answer deferred until n8n has
 * registered the execution), so the ratio ours/minimal is what our own code
 * costs. With Secret From = Credential it reads the secret from a Churn Saver
 * Signing Secret credential (our package's, loaded beside it) as our triggers do, which
 * tells n8n's cost of a credential read per request from ours.
 * A benchmark fixture: never packed (package.json `files` is dist/).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

import { NodeConnectionTypes, type IDataObject, type INodeType, type INodeTypeDescription, type IWebhookFunctions, type IWebhookResponseData } from 'n8n-workflow';
import { z } from 'zod';

/** The header that carries hex(HMAC-SHA256(secret, raw body)). */
export const MINIMAL_SIGNATURE_HEADER = 'x-bench-signature';

/** The shape of the body it receives (a Churn Saver sample): an id, an event name and an object of data. */
const payload = z.object({ id: z.string(), event: z.string(), data: z.record(z.unknown()) }).passthrough();

export class MinimalBenchTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Minimal Bench Trigger',
		name: 'minimalBenchTrigger',
		icon: 'fa:bolt',
		group: ['trigger'],
		version: 1,
		subtitle: 'benchmark fixture',
		description: 'HMAC + zod webhook trigger used as the yardstick of the n8n benchmark',
		defaults: { name: 'Minimal Bench Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'churnSaverSigningSecretApi', required: true, displayOptions: { show: { secretFrom: ['credential'] } } }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' }],
		properties: [
			{
				displayName: 'Secret From',
				name: 'secretFrom',
				type: 'options',
				options: [
					{ name: 'Parameter', value: 'parameter' },
					{ name: 'Credential', value: 'credential' },
				],
				default: 'parameter',
			},
			{ displayName: 'Secret', name: 'secret', type: 'string', typeOptions: { password: true }, default: '', displayOptions: { show: { secretFrom: ['parameter'] } } },
			// As our triggers: n8n leaves the body unparsed, the node reads the raw bytes.
			{ displayName: 'Raw Body', name: 'options', type: 'hidden', default: { binaryData: true } },
		],
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		if (!Buffer.isBuffer(request.rawBody)) await request.readRawBody();
		const body = request.rawBody as Buffer;
		const secret =
			this.getNodeParameter('secretFrom') === 'credential'
				? ((await this.getCredentials<{ signingSecret: string }>('churnSaverSigningSecretApi')).signingSecret)
				: (this.getNodeParameter('secret') as string);
		const expected = createHmac('sha256', secret)
			.update(body)
			.digest();
		const sent = Buffer.from(String(request.headers[MINIMAL_SIGNATURE_HEADER] ?? ''), 'hex');
		const parsed = sent.length === expected.length && timingSafeEqual(sent, expected) ? payload.safeParse(JSON.parse(body.toString('utf8'))) : undefined;
		if (!parsed?.success) {
			this.getResponseObject().status(401).json({ error: 'refused' });
			return { noWebhookResponse: true };
		}
		return { webhookResponse: { received: true }, workflowData: [[{ json: parsed.data as IDataObject }]] };
	}
}
