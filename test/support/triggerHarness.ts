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
} from 'n8n-workflow';

import { closeServer, listen, readBody } from './loopback';
import { additionalDataFor, captureLogs, clone, nodeOf, nodeTypesOf, type LogLine } from './n8nHost';

/**
 * Drives a trigger's real `webhook()` through n8n-core's real WebhookContext
 * (parameter defaults, credential lookup, response object), behind a real
 * HTTP server on loopback. What n8n's own HTTP layer does before calling the
 * node is reproduced here and nowhere else: JSON and text bodies are read
 * into `rawBody`; vendor `+json` types and bodies without a Content-Type are
 * left unread, with `readRawBody()` available, exactly as n8n >= 1.x does.
 */
export interface TriggerHarness {
	url: string;
	/** Items the trigger handed to n8n, one array per delivery that started the workflow. */
	emitted: INodeExecutionData[][];
	logs: LogLine[];
	/** One timeline for the whole harness: when each delivery was answered and when webhook() returned. */
	events: string[];
	/** Resolves once every webhook() call under way has returned (the answer may come earlier). */
	idle(): Promise<void>;
	/** The workflow static data as n8n would have saved it after the last call. */
	staticData(): IDataObject | undefined;
	close(): Promise<void>;
}

export interface TriggerHarnessOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	/** The decrypted credential; `undefined` means no credential is attached to the node. */
	credentials?: { type: string; data: Record<string, unknown> };
	/**
	 * The credential's type, for a trigger that sends authenticated requests
	 * from webhook() (`httpRequestWithAuthentication`).
	 */
	credentialType?: ICredentialType;
	/** The workflow's static data as n8n loaded it (e.g. what a subscription lifecycle saved). */
	staticData?: IDataObject;
}

const EAGERLY_READ = /^(application\/json|text\/plain)\b/i;

/** The express methods n8n's response object has and our nodes use. */
function expressLike(response: ServerResponse, events: string[]) {
	const res = response as ServerResponse & { status(code: number): typeof res; json(body: unknown): void };
	res.status = (code: number) => {
		res.statusCode = code;
		return res;
	};
	res.json = (body: unknown) => {
		res.setHeader('content-type', 'application/json; charset=utf-8');
		res.end(JSON.stringify(body));
		events.push('answered');
	};
	return res;
}

export async function startTriggerHarness(options: TriggerHarnessOptions): Promise<TriggerHarness> {
	const { nodeType } = options;
	const logs: LogLine[] = [];
	const emitted: INodeExecutionData[][] = [];
	const events: string[] = [];
	// n8n saves a production workflow's static data after a webhook call that changed it.
	let savedStaticData = options.staticData;
	captureLogs(logs);

	const credentials = options.credentials ? { [options.credentials.type]: options.credentials.data } : {};
	const credentialTypes = options.credentialType ? [options.credentialType] : [];
	const webhookDescription = nodeType.description.webhooks?.[0];
	if (!webhookDescription) throw new Error(`${nodeType.description.name} declares no webhook`);

	const handle = async (request: IncomingMessage, response: ServerResponse) => {
		const req = request as IncomingMessage & { rawBody?: Buffer; body?: unknown; readRawBody(): Promise<void> };
		if (EAGERLY_READ.test(req.headers['content-type'] ?? '')) {
			req.rawBody = await readBody(req);
			try {
				req.body = JSON.parse(req.rawBody.toString('utf8'));
			} catch {
				req.body = {};
			}
		}
		req.readRawBody = async () => {
			if (!req.rawBody) req.rawBody = await readBody(req);
		};

		const node = nodeOf(nodeType, options.parameters, credentials, { id: 'trigger-node', name: 'Trigger', webhookId: 'webhook-id' });
		const workflow = new Workflow({
			id: 'wf-1',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: nodeTypesOf(nodeType),
			staticData: savedStaticData ? clone(savedStaticData) : undefined,
		});
		const additionalData = additionalDataFor(credentials, credentialTypes, {
			httpRequest: req,
			httpResponse: expressLike(response, events),
		});
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'webhook',
			webhookDescription,
			workflowId: 'wf-1',
			workflowExecuteAdditionalData: additionalData,
		};
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], undefined as never);
		try {
			const result = await nodeType.webhook!.call(context);
			events.push('returned');
			if ((workflow.staticData as IDataObject).__dataChanged === true) {
				savedStaticData = clone(workflow.staticData as IDataObject);
				delete savedStaticData.__dataChanged;
			}
			if (result.workflowData) emitted.push(result.workflowData[0]);
			if (result.noWebhookResponse !== true && !response.writableEnded) {
				response.statusCode = 599;
				response.end('harness: the node left the answer to n8n');
			}
		} catch (error) {
			// n8n would answer a generic 500 and record a failed execution: tests must see that.
			response.statusCode = 598;
			response.end(`harness: webhook() threw ${(error as Error).message}`);
		}
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
		events,
		idle: async () => {
			while (inFlight.size > 0) await Promise.all([...inFlight]);
		},
		staticData: () => savedStaticData,
		close: () => closeServer(server),
	};
}
