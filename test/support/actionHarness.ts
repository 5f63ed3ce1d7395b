import { ExecuteContext } from 'n8n-core';
import {
	createRunExecutionData,
	NodeConnectionTypes,
	Workflow,
	type ICredentialType,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { credentialsHelperFor } from './credentialsHelper';
import { captureLogs, type LogLine } from './triggerHarness';

/**
 * Runs an action node's real `execute()` through n8n-core's real
 * ExecuteContext: parameter defaults and expressions per item,
 * continueOnFail, pairedItem helpers, credentials and the real
 * `httpRequestWithAuthentication`.
 */
export interface ActionRunOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentialType: ICredentialType;
	credentials: Record<string, unknown>;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	logs?: LogLine[];
}

export async function runAction(options: ActionRunOptions): Promise<INodeExecutionData[][]> {
	const { nodeType } = options;
	const items = options.items ?? [{ json: {} }];
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'action-node',
		name: 'Action',
		type: `test.${nodeType.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: JSON.parse(JSON.stringify(options.parameters)) as INodeParameters,
		credentials: { [options.credentialType.name]: { id: '1', name: 'Test' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const workflow = new Workflow({ id: 'wf-2', nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: credentialsHelperFor(options.credentialType, options.credentials),
		executionId: 'execution-1',
		restApiUrl: 'http://localhost:5678/rest',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
	} as unknown as IWorkflowExecuteAdditionalData;
	const inputData = { [NodeConnectionTypes.Main]: [items] };
	const context = new ExecuteContext(
		workflow,
		workflow.getNode('Action') as INode,
		additionalData,
		'manual',
		createRunExecutionData(),
		0,
		items,
		inputData,
		{ node, data: inputData, source: null },
		[],
	);
	captureLogs(options.logs ?? []);
	if (!nodeType.execute) throw new Error(`${nodeType.description.name} has no execute()`);
	return (await nodeType.execute.call(context)) as INodeExecutionData[][];
}
