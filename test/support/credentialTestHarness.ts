/* eslint-disable @typescript-eslint/no-explicit-any -- test code runs under jest on a developer machine, not inside n8n */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	createEmptyRunExecutionData,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type INodeExecutionData,
	type INodeType,
} from 'n8n-workflow';

import { additionalDataFor, captureLogs, nodeOf, nodeTypesOf } from './n8nHost';

export type CredentialTestResult = { ok: true; output: INodeExecutionData[] } | { ok: false; error: Error & { cause?: any } };

/**
 * A credential's `test` request run the way n8n's CredentialsTester runs it
 * (packages/cli/src/services/credentials-tester.service.ts): as the routing
 * request of a throwaway declarative node, through n8n-core's RoutingNode.
 */
export async function runCredentialTest(credentialType: ICredentialType, data: ICredentialDataDecryptedObject): Promise<CredentialTestResult> {
	captureLogs([]);
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
	const credentials = { [credentialType.name]: data };
	const node = nodeOf(nodeType, {}, credentials, { id: 'temp', name: 'Temp-Node' });
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: nodeTypesOf(nodeType) });
	const context = new ExecuteContext(
		workflow,
		node,
		// The node's parameters as the Workflow completed them.
		additionalDataFor(credentials, [credentialType], { currentNodeParameters: node.parameters }),
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
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
