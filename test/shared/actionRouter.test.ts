/* eslint-disable @n8n/community-nodes/node-usable-as-tool -- test code runs under jest on a developer machine, not inside n8n */
import {
	NodeConnectionTypes,
	NodeOperationError,
	type ICredentialType,
	type IExecuteFunctions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { z } from 'zod';

import { routeOperations } from '../../nodes/shared/n8n/actions/router';
import type { NodeActions } from '../../nodes/shared/n8n/actions/types';
import { tryAction } from '../support/actionHarness';

/**
 * The item loop every action node shares (FaithFlow, FaithTracker, Rishi and
 * the assumed providers), on a node of its own: which operation runs, how
 * results are paired, and what a failure becomes with and without
 * continueOnFail.
 */
const actions: NodeActions<{ readonly boundTo: string }> = {
	binding: { boundTo: 'the node' },
	resources: [
		{
			value: 'thing',
			name: 'Thing',
			description: 'A thing',
			operations: [
				{
					value: 'echo',
					name: 'Echo',
					description: 'Echo the value',
					action: 'Echo a thing',
					properties: [],
					output: z.object({}),
					async execute(this: IExecuteFunctions, itemIndex: number) {
						return { echoed: this.getNodeParameter('value', itemIndex) as string };
					},
				},
				{
					value: 'split',
					name: 'Split',
					description: 'Split the value at commas',
					action: 'Split a thing',
					properties: [],
					output: z.object({}),
					async execute(this: IExecuteFunctions, itemIndex: number) {
						return (this.getNodeParameter('value', itemIndex) as string).split(',').map((part) => ({ part }));
					},
				},
				{
					value: 'bound',
					name: 'Bound',
					description: 'Answer the binding',
					action: 'Answer the binding',
					properties: [],
					output: z.object({}),
					async execute(this: IExecuteFunctions, _itemIndex: number, binding: { readonly boundTo: string }) {
						return { ...binding };
					},
				},
				{
					value: 'fail',
					name: 'Fail',
					description: 'Fail',
					action: 'Fail a thing',
					properties: [],
					output: z.object({}),
					async execute() {
						throw new Error('it failed');
					},
				},
			],
		},
	],
};

class Routed implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Routed',
		name: 'routed',
		group: ['transform'],
		version: 1,
		description: 'Routes to the test operations',
		defaults: { name: 'Routed' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Resource', name: 'resource', type: 'string', default: 'thing' },
			{ displayName: 'Operation', name: 'operation', type: 'string', default: 'echo' },
			{ displayName: 'Value', name: 'value', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions) {
		return await routeOperations(this, actions);
	}
}

const NO_CREDENTIAL: ICredentialType = { name: 'noneApi', displayName: 'None', properties: [] };

function run(parameters: Record<string, string>, options: { items?: Array<{ json: Record<string, string> }>; continueOnFail?: boolean } = {}) {
	return tryAction({ nodeType: new Routed(), parameters, credentialType: NO_CREDENTIAL, credentials: {}, ...options });
}

describe('routeOperations', () => {
	it('runs the operation named by resource and operation once per item, each result paired with its item', async () => {
		const items = [{ json: { v: 'a' } }, { json: { v: 'b,c' } }];
		const result = await run({ operation: 'split', value: '={{ $json.v }}' }, { items });
		expect(result.error).toBeUndefined();
		expect(result.output).toEqual([
			{ json: { part: 'a' }, pairedItem: { item: 0 } },
			{ json: { part: 'b' }, pairedItem: { item: 1 } },
			{ json: { part: 'c' }, pairedItem: { item: 1 } },
		]);
	});

	it("hands every operation the node's binding", async () => {
		const result = await run({ operation: 'bound' });
		expect(result.output).toEqual([{ json: { boundTo: 'the node' }, pairedItem: { item: 0 } }]);
	});

	it.each([
		['thing', 'nothing'],
		['other', 'echo'],
		['thing', 'toString'],
		['constructor', 'create'],
	])('refuses %s/%s as not supported, naming the item', async (resource, operation) => {
		const result = await run({ resource, operation });
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe(`The operation "${operation}" of "${resource}" is not supported`);
		expect(result.error?.context?.itemIndex).toBe(0);
	});

	it('without continueOnFail, stops at the failing item with a node error that keeps the message and names the item', async () => {
		const items = [{ json: { op: 'echo' } }, { json: { op: 'fail' } }];
		const result = await run({ operation: '={{ $json.op }}' }, { items });
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe('it failed');
		expect(result.error?.context?.itemIndex).toBe(1);
	});

	it('with continueOnFail, turns the failure into an item paired with its input and goes on', async () => {
		const items = [{ json: { op: 'fail' } }, { json: { op: 'echo' } }];
		const result = await run({ operation: '={{ $json.op }}', value: 'ok' }, { items, continueOnFail: true });
		expect(result.output).toEqual([
			{ json: { error: 'it failed' }, pairedItem: { item: 0 } },
			{ json: { echoed: 'ok' }, pairedItem: { item: 1 } },
		]);
	});
});
