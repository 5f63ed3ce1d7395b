import { ExecuteContext } from 'n8n-core';
import {
	createRunExecutionData,
	NodeConnectionTypes,
	Workflow,
	type ICredentialType,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
} from 'n8n-workflow';

import { expectDeclaredOutput } from './actionOutputs';
import { additionalDataFor, captureLogs, nodeOf, nodeTypesOf, type LogLine } from './n8nHost';

/**
 * Runs an action node's real `execute()` through n8n-core's real
 * ExecuteContext, as one workflow step: parameter defaults and expressions
 * per item, continueOnFail, pairedItem helpers, credentials and the real
 * `httpRequestWithAuthentication`.
 */
export interface ActionRunOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentialType: ICredentialType;
	/** The decrypted credential; read on every call, so a test may change it between steps. */
	credentials: Record<string, unknown>;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	logs?: LogLine[];
}

/** What execute() answered; rejects with what it threw. */
export async function runAction(options: ActionRunOptions): Promise<INodeExecutionData[][]> {
	const { nodeType } = options;
	const items = options.items ?? [{ json: {} }];
	const credentials = { [options.credentialType.name]: options.credentials };
	const node = nodeOf(nodeType, options.parameters, credentials, {
		id: 'action-node',
		name: 'Action',
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	});
	const workflow = new Workflow({ id: 'wf-2', nodes: [node], connections: {}, active: false, nodeTypes: nodeTypesOf(nodeType) });
	const inputData = { [NodeConnectionTypes.Main]: [items] };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(credentials, [options.credentialType], { executionId: 'execution-1' }),
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
	const output = (await nodeType.execute.call(context)) as INodeExecutionData[][];
	// Every successful call also checks the output against the schema the editor previews.
	expectDeclaredOutput(
		nodeType.description.name,
		output[0] ?? [],
		(itemIndex) => ({
			resource: context.getNodeParameter('resource', itemIndex, '') as string,
			operation: context.getNodeParameter('operation', itemIndex, '') as string,
		}),
		options.continueOnFail === true,
	);
	return output;
}

export interface ActionRun {
	/** The node's output (first output), or undefined when execute() threw. */
	output?: INodeExecutionData[];
	/** What execute() threw. */
	error?: Error & { httpCode?: string | null; description?: string | null; context?: Record<string, unknown> };
	/** What n8n-core logged during the run. */
	logs: LogLine[];
}

/** `runAction`, settled: the output or the error, with the run's log lines. */
export async function tryAction(options: Omit<ActionRunOptions, 'logs'>): Promise<ActionRun> {
	const logs: LogLine[] = [];
	try {
		const [output] = await runAction({ ...options, logs });
		return { output, logs };
	} catch (error) {
		return { error: error as ActionRun['error'], logs };
	}
}
