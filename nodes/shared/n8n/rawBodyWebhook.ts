import type { INodeProperties, IWebhookDescription } from 'n8n-workflow';

/**
 * How our triggers ask n8n to hand them the request untouched and to answer
 * an accepted delivery only once the execution is recorded.
 *
 * Body: for a typeVersion-1 start node n8n parses the body itself before
 * webhook() runs (malformed JSON → its own 422, multipart → 400, each with
 * its stack trace), unless the node's `options.binaryData` parameter is
 * truthy. This hidden parameter named `options` is that switch, always on,
 * so every answer comes from the trigger, which reads the raw bytes itself.
 * That is why the user-facing Options collection has another internal name.
 */
export const N8N_BODY_PARSER_OFF: INodeProperties = {
	displayName: 'Raw Body',
	name: 'options',
	type: 'hidden',
	default: { binaryData: true },
};

/**
 * Answer: with `responseMode: 'onReceived'` and no answer written by the node,
 * n8n answers after WorkflowRunner.run has registered the execution (in queue
 * mode: enqueued it). The body is `responseData` unless that is empty, then
 * the node's `webhookResponse`: the empty string makes n8n send the
 * provider's success body the trigger returns. The status is n8n's default
 * `responseCode`, 200, which is every provider's success status (the
 * contract test holds them to it).
 */
export const ACCEPTED_STATUS = 200;

export const PROVIDER_WEBHOOKS: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		responseData: '',
		path: 'webhook',
	},
];
