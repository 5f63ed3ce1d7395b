import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

import { ExecuteContext, RoutingNode, WebhookContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	createEmptyRunExecutionData,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IExecuteData,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

/**
 * What n8n's server does around a node, for the FaithFlow and FaithTracker
 * nodes: n8n-core's real ExecuteContext / WebhookContext / RoutingNode run
 * the node, and the credentials helper below is n8n's CredentialsHelper
 * (packages/cli/src/credentials-helper.ts, 2.40) reduced to what plain
 * credentials use: `authenticate` calls a function-typed `authenticate` as is
 * and resolves a generic one's expressions against `$credentials`.
 *
 * test/support/triggerHarness.ts does the same for triggers but its helper
 * cannot authenticate requests, which "Attach Full Member" makes from inside
 * webhook(); `startTriggerHarness` here is that harness plus this helper.
 */
export type CredentialStore = Record<string, ICredentialDataDecryptedObject>;

export interface LogLine {
	level: string;
	message: string;
	meta?: unknown;
}

// n8n-core carries its own copies of these packages: use exactly the ones it resolves.
const fromCore = createRequire(require.resolve('n8n-core'));
const { Container } = fromCore('@n8n/di') as typeof import('@n8n/di');
const { Logger } = fromCore('@n8n/backend-common') as typeof import('@n8n/backend-common');

/** n8n-core memoises its logger, so one capturing logger writes to whichever run is current. */
let currentLogs: LogLine[] = [];
const capturingLogger = (() => {
	const at = (level: string) => (message: string, meta?: unknown) => currentLogs.push({ level, message, meta });
	const logger = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
	return Object.assign(logger, { scoped: () => logger, withScope: () => logger });
})();
Container.set(Logger, capturingLogger as unknown as InstanceType<typeof Logger>);

function credentialsHelper(store: CredentialStore, types: readonly ICredentialType[]) {
	const typeNamed = (name: string) => {
		const type = types.find((candidate) => candidate.name === name);
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	};
	return {
		getDecrypted: async (_additionalData: unknown, _nodeCredentials: unknown, type: string) => {
			if (!store[type]) throw new Error(`No ${type} credential`);
			return { ...store[type] };
		},
		isCredentialUsableByNode: () => true,
		getParentTypes: () => [] as string[],
		preAuthentication: async () => undefined,
		authenticate: async (
			credentials: ICredentialDataDecryptedObject,
			typeName: string,
			requestOptions: IHttpRequestOptions,
			workflow: Workflow,
			node: INode,
		): Promise<IHttpRequestOptions> => {
			const authenticate = typeNamed(typeName).authenticate;
			if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
			if (authenticate?.type === 'generic') {
				const resolve = (value: unknown) =>
					typeof value === 'string' && value.startsWith('=')
						? String(workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '') ?? '')
						: value;
				const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
				for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
					target[outerKey] = target[outerKey] ?? {};
					for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
						target[outerKey][String(resolve(key))] = resolve(value);
					}
				}
			}
			return requestOptions;
		},
	};
}

function nodeTypesOf(nodeType: INodeType): INodeTypes {
	return { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
}

/** The node as n8n stores it: parameters completed with their defaults. */
function nodeOf(nodeType: INodeType, parameters: INodeParameters, credentials: CredentialStore, extra: Partial<INode> = {}): INode {
	const description = nodeType.description;
	const node: INode = {
		id: 'node-1',
		name: description.defaults.name ?? description.displayName,
		type: `test.${description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: Object.fromEntries(Object.keys(credentials).map((type) => [type, { id: '1', name: type }])),
		...extra,
	};
	node.parameters = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description) ?? {};
	return node;
}

function additionalDataFor(store: CredentialStore, types: readonly ICredentialType[], extra: object = {}) {
	return {
		credentialsHelper: credentialsHelper(store, types),
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		restApiUrl: 'http://localhost:5678/rest',
		variables: {},
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface ActionRun {
	/** The node's output (first output), or undefined when execute() threw. */
	output?: INodeExecutionData[];
	/** What execute() threw. */
	error?: Error & { httpCode?: string | null; description?: string | null; context?: Record<string, unknown> };
	logs: LogLine[];
}

export interface ActionOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials: CredentialStore;
	credentialTypes: readonly ICredentialType[];
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
}

/** Runs an action node's execute() in n8n-core's ExecuteContext, as one workflow step. */
export async function runAction(options: ActionOptions): Promise<ActionRun> {
	const logs: LogLine[] = [];
	currentLogs = logs;
	const node = nodeOf(options.nodeType, options.parameters, options.credentials, options.continueOnFail ? { onError: 'continueRegularOutput' } : {});
	const workflow = new Workflow({ id: 'wf-1', nodes: [node], connections: {}, active: false, nodeTypes: nodeTypesOf(options.nodeType) });
	const items = options.items ?? [{ json: {} }];
	const inputData = { main: [items] };
	const executeData: IExecuteData = { node, data: inputData, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(options.credentials, options.credentialTypes),
		'manual',
		createEmptyRunExecutionData(),
		0,
		items,
		inputData,
		executeData,
		[],
	);
	try {
		const result = await options.nodeType.execute!.call(context);
		return { output: (result as INodeExecutionData[][])[0], logs };
	} catch (error) {
		return { error: error as ActionRun['error'], logs };
	}
}

/**
 * A credential's `test` request run the way n8n's CredentialsTester runs it
 * (packages/cli/src/services/credentials-tester.service.ts): as the routing
 * request of a throwaway declarative node, through n8n-core's RoutingNode.
 */
export async function runCredentialTest(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<{ ok: true; output: INodeExecutionData[] } | { ok: false; error: Error & { cause?: any } }> {
	currentLogs = [];
	const testRequest = credentialType.test;
	if (!testRequest) throw new Error(`${credentialType.name} has no test request`);
	const nodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testRequest.request }, default: '' }],
		},
	} as unknown as INodeType;
	const store = { [credentialType.name]: data };
	const node = nodeOf(nodeType, {}, store, { id: 'temp', name: 'Temp-Node' });
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: nodeTypesOf(nodeType) });
	const inputData = { main: [[{ json: {} }]] };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(store, [credentialType], { currentNodeParameters: node.parameters }),
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		inputData,
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, { id: '1', name: 'Test', type: credentialType.name, data });
	try {
		const output = await routingNode.runNode();
		return { ok: true, output: (output as INodeExecutionData[][])[0] };
	} catch (error) {
		return { ok: false, error: error as Error & { cause?: any } };
	}
}

export interface TriggerHarness {
	url: string;
	emitted: INodeExecutionData[][];
	logs: LogLine[];
	/** One timeline for the whole harness: when each delivery was answered and when webhook() returned. */
	events: string[];
	/** Resolves once every webhook() call under way has returned (the answer may come earlier). */
	idle(): Promise<void>;
	close(): Promise<void>;
}

export interface TriggerHarnessOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials: CredentialStore;
	credentialTypes: readonly ICredentialType[];
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

/** test/support/triggerHarness.ts, with the credentials helper above (see the file comment). */
export async function startTriggerHarness(options: TriggerHarnessOptions): Promise<TriggerHarness> {
	const { nodeType } = options;
	const logs: LogLine[] = [];
	const emitted: INodeExecutionData[][] = [];
	const events: string[] = [];
	currentLogs = logs;
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
		const node = nodeOf(nodeType, options.parameters, options.credentials, { name: 'Trigger', webhookId: 'webhook-id' });
		const workflow = new Workflow({ id: 'wf-1', nodes: [node], connections: {}, active: true, nodeTypes: nodeTypesOf(nodeType) });
		const additionalData = additionalDataFor(options.credentials, options.credentialTypes, {
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
			if (result.workflowData) emitted.push(result.workflowData[0]);
			if (result.noWebhookResponse !== true && !response.writableEnded) {
				response.statusCode = 599;
				response.end('harness: the node left the answer to n8n');
			}
		} catch (error) {
			response.statusCode = 598;
			response.end(`harness: webhook() threw ${(error as Error).message}`);
		}
	};

	const inFlight = new Set<Promise<void>>();
	const server: Server = createServer((request, response) => {
		const handled = handle(request, response).catch((error: Error) => {
			response.statusCode = 597;
			response.end(`harness failure: ${error.message}`);
		});
		inFlight.add(handled);
		void handled.finally(() => inFlight.delete(handled));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook`,
		emitted,
		logs,
		events,
		idle: async () => {
			while (inFlight.size > 0) await Promise.all([...inFlight]);
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			}),
	};
}
