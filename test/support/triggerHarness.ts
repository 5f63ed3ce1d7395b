/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import { WebhookContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialType,
	type IDataObject,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IWebhookData,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { closeServer, listen } from './loopback';
import { readN8nRawBody, N8N_PAYLOAD_SIZE_MAX_BYTES } from './n8nRawBody';
import { additionalDataFor, captureLogs, clone, nodeOf, nodeTypesOf, type LogLine } from './n8nHost';

/**
 * Drives a trigger's real `webhook()` through n8n-core's real WebhookContext
 * (parameter defaults, credential lookup, response object), behind a real
 * HTTP server on loopback, doing before and after it what n8n 2.40.7's
 * `executeWebhook` (dist/webhooks/webhook-helpers.js) does for a
 * typeVersion-1 start node:
 *
 * - before: `req.readRawBody()` as n8n's raw-body reader (gzip/deflate,
 *   N8N_PAYLOAD_SIZE_MAX); n8n's own body parser runs only when the node's
 *   `options.binaryData` is falsy, which this harness refuses to reproduce
 *   (our triggers always turn it off; see rawBodyWebhook.ts);
 * - after: `noWebhookResponse` → n8n sends nothing; no `workflowData` → the
 *   `webhookResponse` (or n8n's "Webhook call received") with `responseCode`;
 *   `workflowData` with `responseMode: 'onReceived'` → the execution is
 *   recorded first, then answered with `responseData` unless it is empty or
 *   'noData', else the `webhookResponse`, else "Workflow was started";
 *   a throw → 500 and a failed execution. Static data is saved when n8n
 *   answers, as n8n saves it in its response callback, and, as in n8n, a
 *   change webhook() made to static data that already existed is lost when
 *   the execution is registered.
 *
 * test/e2e/harnessFidelity.e2e.ts sends the same table of requests through
 * this harness and through the real n8n and requires the same answers.
 */
export interface TriggerHarness {
	url: string;
	/** Items of the executions n8n would have recorded, one array per execution. */
	emitted: INodeExecutionData[][];
	logs: LogLine[];
	/** Resolves once every request under way has been answered. */
	idle(): Promise<void>;
	/** The workflow static data as n8n would have saved it after the last call. */
	staticData(): IDataObject | undefined;
	close(): Promise<void>;
}

export interface HarnessCredential {
	type: string;
	data: Record<string, unknown>;
}

export interface TriggerHarnessOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	/** The decrypted credentials attached to the node (one or several); `undefined` means none. */
	credentials?: HarnessCredential | HarnessCredential[];
	/**
	 * The credential's type, for a trigger that sends authenticated requests
	 * from webhook() (`httpRequestWithAuthentication`).
	 */
	credentialType?: ICredentialType;
	/** The workflow's static data as n8n loaded it (e.g. what a subscription lifecycle saved). */
	staticData?: IDataObject;
	/**
	 * Called before an execution is recorded: resolve later to hold n8n's
	 * answer, as a busy database does; reject to fail the recording, as n8n
	 * does when it cannot register the execution (it answers 500).
	 */
	beforeRecording?: () => Promise<void>;
	/** n8n's mode: 'manual' while the editor listens for a test event (the /webhook-test/ URL); 'webhook' by default. */
	mode?: 'webhook' | 'manual';
}

/** n8n's message when webhook() throws (`_privateGetWebhookErrorMessage`). */
export const N8N_WEBHOOK_ERROR = 'Workflow Webhook Error: Workflow could not be started!';

/** n8n's message when it cannot register an execution (`executeWebhook`'s catch). */
export const N8N_RECORDING_ERROR = 'There was a problem executing the workflow';

type HarnessRequest = IncomingMessage & { rawBody?: Buffer; body?: unknown; readRawBody(): Promise<void> };
type ExpressResponse = ServerResponse & { status(code: number): ExpressResponse; json(body: unknown): void; send(body: string): void };

/** The express methods n8n's response object has and our nodes use. */
function expressLike(response: ServerResponse): ExpressResponse {
	const res = response as ExpressResponse;
	res.status = (code: number) => {
		res.statusCode = code;
		return res;
	};
	res.json = (body: unknown) => {
		res.setHeader('content-type', 'application/json; charset=utf-8');
		res.end(body === undefined ? '' : JSON.stringify(body));
	};
	res.send = (body: string) => {
		res.setHeader('content-type', 'text/html; charset=utf-8');
		res.end(body);
	};
	return res;
}

/** `extractWebhookOnReceivedResponse`: the body n8n sends once it has recorded the execution. */
function onReceivedBody(responseData: unknown, result: IWebhookResponseData): unknown {
	if (responseData === 'noData') return undefined;
	if (responseData) return responseData;
	if (result.webhookResponse !== undefined) return result.webhookResponse;
	return { message: 'Workflow was started' };
}

let harnessCount = 0;

export async function startTriggerHarness(options: TriggerHarnessOptions): Promise<TriggerHarness> {
	const { nodeType } = options;
	const logs: LogLine[] = [];
	const emitted: INodeExecutionData[][] = [];
	// n8n saves a production workflow's static data when it answers a webhook call that changed it.
	let savedStaticData = options.staticData;
	captureLogs(logs);
	// Each harness is its own workflow, as each n8n workflow has its own id.
	const workflowId = `wf-${++harnessCount}`;

	const attached = options.credentials === undefined ? [] : [options.credentials].flat();
	const credentials = Object.fromEntries(attached.map((credential) => [credential.type, credential.data]));
	const credentialTypes = options.credentialType ? [options.credentialType] : [];
	const webhookDescription = nodeType.description.webhooks?.[0];
	if (!webhookDescription) throw new Error(`${nodeType.description.name} declares no webhook`);
	if (webhookDescription.responseMode !== 'onReceived') throw new Error('The harness reproduces n8n for responseMode onReceived only');

	const handle = async (request: IncomingMessage, response: ServerResponse) => {
		const req = request as HarnessRequest;
		req.readRawBody = async () => {
			if (!req.rawBody) req.rawBody = await readN8nRawBody(req, N8N_PAYLOAD_SIZE_MAX_BYTES);
		};

		const node = nodeOf(nodeType, options.parameters, credentials, { id: 'trigger-node', name: 'Trigger', webhookId: 'webhook-id' });
		// As n8n: the workflow data loaded for this call (static data null until first saved) ...
		const loadedStaticData = savedStaticData ? clone(savedStaticData) : undefined;
		const workflowOver = (staticData: IDataObject | undefined) =>
			new Workflow({ id: workflowId, nodes: [node], connections: {}, active: true, nodeTypes: nodeTypesOf(nodeType), staticData });
		const workflow = workflowOver(loadedStaticData);
		const resolvedOptions = workflow.getNode(node.name)?.parameters.options as IDataObject | undefined;
		if (node.typeVersion === 1 && !resolvedOptions?.binaryData) {
			throw new Error('n8n would parse this body itself (options.binaryData is off): not reproduced by this harness');
		}
		const res = expressLike(response);
		const additionalData = additionalDataFor(credentials, credentialTypes, { httpRequest: req, httpResponse: res });
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'webhook',
			webhookDescription,
			workflowId,
			workflowExecuteAdditionalData: additionalData,
		};
		const context = new WebhookContext(workflow, node, additionalData, options.mode ?? 'webhook', webhookData, [], undefined as never);
		const saveStaticData = () => {
			if ((workflow.staticData as IDataObject).__dataChanged === true) {
				savedStaticData = clone(workflow.staticData as IDataObject);
				delete savedStaticData.__dataChanged;
			}
		};

		let result: IWebhookResponseData;
		try {
			result = await nodeType.webhook!.call(context);
		} catch {
			emitted.push([{ json: {} }]);
			res.status(500).json({ code: 0, message: N8N_WEBHOOK_ERROR });
			return;
		}
		if (result.noWebhookResponse === true) {
			saveStaticData();
			if (result.workflowData) emitted.push(result.workflowData[0]);
			// n8n sends nothing: the node must have answered.
			if (!response.writableEnded) res.status(599).send('harness: noWebhookResponse, but the node wrote no answer');
			return;
		}
		if (result.workflowData === undefined) {
			saveStaticData();
			res.status(200).json(result.webhookResponse ?? { message: 'Webhook call received' });
			return;
		}
		try {
			await options.beforeRecording?.();
		} catch {
			res.status(500).json({ code: 0, message: N8N_RECORDING_ERROR });
			return;
		}
		// ... and, registering the execution, WorkflowRunner.run builds a second Workflow over the same
		// static-data object, which clears its change flag (n8n-workflow's ObservableObject.create).
		workflowOver(loadedStaticData);
		emitted.push(result.workflowData[0]);
		// Then n8n reads the answer, and saves static data before it sends it.
		const body = onReceivedBody(webhookDescription.responseData ?? 'firstEntryJson', result);
		saveStaticData();
		if (typeof body === 'string') res.status(200).send(body);
		else res.status(200).json(body);
	};

	const inFlight = new Set<Promise<void>>();
	const server = createServer((request, response) => {
		const handled = handle(request, response).catch((error: Error) => {
			response.statusCode = 597;
			response.end(`harness failure: ${error.message}`);
		});
		inFlight.add(handled);
		void handled.finally(() => inFlight.delete(handled));
	});
	const origin = await listen(server);
	return {
		url: `${origin}/webhook`,
		emitted,
		logs,
		idle: async () => {
			while (inFlight.size > 0) await Promise.all([...inFlight]);
		},
		staticData: () => savedStaticData,
		close: () => closeServer(server),
	};
}
