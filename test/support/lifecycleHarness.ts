import { HookContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialType,
	type IDataObject,
	type INodeParameters,
	type INodeType,
	type IWebhookData,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { additionalDataFor, captureLogs, clone, N8N_BASE, nodeOf, nodeTypesOf, type LogLine } from './n8nHost';

/**
 * Plays n8n's part in a trigger's subscription lifecycle, calling the node's
 * real `webhookMethods.default` through n8n-core's real HookContext (static
 * data, webhook URLs, credentials, `httpRequestWithAuthentication`):
 * - publish / n8n start (WebhookService.createWebhookIfNotExists): one
 *   workflow object, `checkExists`, then `create` only when it said false;
 *   the static data is saved when it changed (`__dataChanged`), as n8n does;
 * - unpublish: `delete` on a workflow loaded with the saved static data;
 * - "Listen for test event" (TestWebhooks.needsWebhook/deactivateWebhooks):
 *   a workflow with empty static data, `isTest` webhook data, mode `manual`;
 *   the static data stays in memory (never saved) and is handed back to
 *   `delete` when the test ends.
 */
export interface LifecycleOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentialType: ICredentialType;
	/** The decrypted credential; read on every call, so a test may change it between steps. */
	credentials: Record<string, unknown>;
	/** Other credentials attached to the node, by type (e.g. the trigger's signing-secret credential). */
	otherCredentials?: Record<string, Record<string, unknown>>;
}

export interface TestSession {
	/** The static data n8n keeps in memory for the test webhook (and gives to webhook()). */
	staticData: IDataObject;
	/** Ends the session: n8n calls `delete` with that static data. */
	stop(): Promise<boolean>;
}

export interface SimulatedN8n {
	/** The workflow's static data as saved in n8n's database. */
	saved: IDataObject;
	/** How many times n8n saved the static data (only when the node changed it). */
	saves: number;
	logs: LogLine[];
	productionUrl: string;
	testUrl: string;
	/** The trigger node's part of the saved static data. */
	nodeStaticData(): IDataObject;
	/** Publish, or an n8n start with the workflow published. Resolves to what checkExists answered. */
	activate(activation?: WorkflowActivateMode): Promise<boolean>;
	/** Unpublish. Resolves to what delete answered. */
	deactivate(): Promise<boolean>;
	listenForTestEvent(): Promise<TestSession>;
}

const NODE_NAME = 'Trigger';
const WEBHOOK_ID = 'c0ffee00-0000-4000-8000-000000000001';

type Method = 'checkExists' | 'create' | 'delete';

export function simulateN8n(options: LifecycleOptions): SimulatedN8n {
	const { nodeType } = options;
	const logs: LogLine[] = [];
	const webhookDescription = nodeType.description.webhooks?.[0];
	if (!webhookDescription) throw new Error(`${nodeType.description.name} declares no webhook`);
	const credentials = () => ({ ...options.otherCredentials, [options.credentialType.name]: options.credentials });

	const workflowWith = (staticData: IDataObject, active: boolean) => {
		const node = nodeOf(nodeType, options.parameters, credentials(), { id: 'trigger-node', name: NODE_NAME, webhookId: WEBHOOK_ID });
		return new Workflow({ id: 'wf-1', nodes: [node], connections: {}, active, nodeTypes: nodeTypesOf(nodeType), staticData });
	};

	const run = async (
		method: Method,
		workflow: Workflow,
		mode: WorkflowExecuteMode,
		activation: WorkflowActivateMode,
		isTest: boolean,
	): Promise<boolean> => {
		captureLogs(logs);
		const additionalData = additionalDataFor(credentials(), [options.credentialType]);
		const webhookData: IWebhookData = {
			httpMethod: webhookDescription.httpMethod as IWebhookData['httpMethod'],
			node: NODE_NAME,
			path: `${WEBHOOK_ID}/webhook`,
			webhookDescription,
			workflowId: 'wf-1',
			workflowExecuteAdditionalData: additionalData,
			webhookId: WEBHOOK_ID,
			isTest,
		};
		const context = new HookContext(workflow, workflow.getNode(NODE_NAME)!, additionalData, mode, activation, webhookData);
		const fn = nodeType.webhookMethods?.default?.[method];
		if (!fn) throw new Error(`${nodeType.description.name} has no webhookMethods.default.${method}`);
		return await fn.call(context);
	};

	const save = (workflow: Workflow) => {
		simulated.saved = clone(workflow.staticData);
		simulated.saves++;
	};

	const simulated: SimulatedN8n = {
		saved: {},
		saves: 0,
		logs,
		productionUrl: `${N8N_BASE}/webhook/${WEBHOOK_ID}/webhook`,
		testUrl: `${N8N_BASE}/webhook-test/${WEBHOOK_ID}/webhook`,
		nodeStaticData: () => (simulated.saved[`node:${NODE_NAME}`] as IDataObject | undefined) ?? {},
		async activate(activation = 'activate') {
			const workflow = workflowWith(clone(simulated.saved), true);
			const exists = await run('checkExists', workflow, 'trigger', activation, false);
			if (!exists) await run('create', workflow, 'trigger', activation, false);
			if (workflow.staticData.__dataChanged === true) save(workflow);
			return exists;
		},
		async deactivate() {
			const workflow = workflowWith(clone(simulated.saved), true);
			const removed = await run('delete', workflow, 'internal', 'update', false);
			if (workflow.staticData.__dataChanged === true) save(workflow);
			return removed;
		},
		async listenForTestEvent() {
			const workflow = workflowWith({}, false);
			const exists = await run('checkExists', workflow, 'manual', 'manual', true);
			if (!exists) await run('create', workflow, 'manual', 'manual', true);
			// n8n caches the registration (with this static data) and reuses it; it never saves it.
			const staticData = clone(workflow.staticData);
			return {
				staticData,
				async stop() {
					const ending = workflowWith({}, false);
					ending.staticData = clone(staticData);
					return await run('delete', ending, 'internal', 'update', true);
				},
			};
		},
	};
	return simulated;
}
