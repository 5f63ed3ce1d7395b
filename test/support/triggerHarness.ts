import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebhookContext } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

/**
 * Drives a trigger's real `webhook()` through n8n-core's real WebhookContext
 * (parameter defaults, credential lookup, response object), behind a real
 * HTTP server on loopback. What n8n's own HTTP layer does before calling the
 * node is reproduced here and nowhere else: JSON and text bodies are read
 * into `rawBody`; vendor `+json` types and bodies without a Content-Type are
 * left unread, with `readRawBody()` available, exactly as n8n >= 1.x does.
 */
export interface LogLine {
	level: string;
	message: string;
	meta?: unknown;
}

export interface TriggerHarness {
	url: string;
	/** Items the trigger handed to n8n, one array per delivery that started the workflow. */
	emitted: INodeExecutionData[][];
	logs: LogLine[];
	close(): Promise<void>;
}

export interface TriggerHarnessOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	/** The decrypted credential; `undefined` means no credential is attached to the node. */
	credentials?: { type: string; data: Record<string, unknown> };
	/** The workflow's static data as n8n loaded it (e.g. what a subscription lifecycle saved). */
	staticData?: IDataObject;
}

const EAGERLY_READ = /^(application\/json|text\/plain)\b/i;

function readStream(request: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

/** The express methods n8n's response object has and our nodes use. */
function expressLike(response: ServerResponse) {
	const res = response as ServerResponse & { status(code: number): typeof res; json(body: unknown): void };
	res.status = (code: number) => {
		res.statusCode = code;
		return res;
	};
	res.json = (body: unknown) => {
		res.setHeader('content-type', 'application/json; charset=utf-8');
		res.end(JSON.stringify(body));
	};
	return res;
}

// n8n-core carries its own copies of these packages: use exactly the ones it resolves.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- resolving from n8n-core's location needs require
const fromCore = (name: string) => require(require.resolve(name, { paths: [require.resolve('n8n-core')] }));
const { Container } = fromCore('@n8n/di') as typeof import('@n8n/di');
const { Logger } = fromCore('@n8n/backend-common') as typeof import('@n8n/backend-common');

/** n8n-core memoises its logger, so one capturing logger writes to whichever harness is current. */
let currentLogs: LogLine[] = [];
const capturingLogger = (() => {
	const at = (level: string) => (message: string, meta?: unknown) => currentLogs.push({ level, message, meta });
	const logger = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
	return Object.assign(logger, { scoped: () => logger, withScope: () => logger });
})();
Container.set(Logger, capturingLogger as unknown as InstanceType<typeof Logger>);

/** Sends n8n-core's log lines to `logs` from now on (other harnesses share the one logger). */
export function captureLogs(logs: LogLine[]): void {
	currentLogs = logs;
}

export async function startTriggerHarness(options: TriggerHarnessOptions): Promise<TriggerHarness> {
	const { nodeType } = options;
	const logs: LogLine[] = [];
	const emitted: INodeExecutionData[][] = [];
	currentLogs = logs;

	const typeName = `test.${nodeType.description.name}`;
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const webhookDescription = nodeType.description.webhooks?.[0];
	if (!webhookDescription) throw new Error(`${nodeType.description.name} declares no webhook`);

	const handle = async (request: IncomingMessage, response: ServerResponse) => {
		const req = request as IncomingMessage & { rawBody?: Buffer; body?: unknown; readRawBody(): Promise<void> };
		if (EAGERLY_READ.test(req.headers['content-type'] ?? '')) {
			req.rawBody = await readStream(req);
			try {
				req.body = JSON.parse(req.rawBody.toString('utf8'));
			} catch {
				req.body = {};
			}
		}
		req.readRawBody = async () => {
			if (!req.rawBody) req.rawBody = await readStream(req);
		};

		const node: INode = {
			id: 'trigger-node',
			name: 'Trigger',
			type: typeName,
			typeVersion: 1,
			position: [0, 0],
			parameters: JSON.parse(JSON.stringify(options.parameters)) as INodeParameters,
			webhookId: 'webhook-id',
			...(options.credentials ? { credentials: { [options.credentials.type]: { id: '1', name: 'Test' } } } : {}),
		};
		const workflow = new Workflow({
			id: 'wf-1',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: options.staticData ? (JSON.parse(JSON.stringify(options.staticData)) as IDataObject) : undefined,
		});
		const additionalData = {
			httpRequest: req,
			httpResponse: expressLike(response),
			credentialsHelper: {
				getDecrypted: async () => {
					if (!options.credentials) throw new Error('No credentials');
					return options.credentials.data;
				},
				isCredentialUsableByNode: () => true,
			},
			webhookBaseUrl: 'http://localhost:5678/webhook',
			webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
			restApiUrl: 'http://localhost:5678/rest',
		} as unknown as IWorkflowExecuteAdditionalData;
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'webhook',
			webhookDescription,
			workflowId: 'wf-1',
			workflowExecuteAdditionalData: additionalData,
		};
		const context = new WebhookContext(workflow, workflow.getNode('Trigger') as INode, additionalData, 'webhook', webhookData, [], undefined as never);
		try {
			const result = await nodeType.webhook!.call(context);
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

	const server: Server = createServer((request, response) => {
		handle(request, response).catch((error: Error) => {
			response.statusCode = 597;
			response.end(`harness failure: ${error.message}`);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook`,
		emitted,
		logs,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
