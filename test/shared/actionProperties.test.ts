import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { actionProperties } from '../../nodes/shared/n8n/actions/properties';
import type { NodeActions, ResourceOperation } from '../../nodes/shared/n8n/actions/types';

/**
 * The one builder every action node's Resource and Operation selectors come
 * from: what n8n's lint wants of them (alphabetical options, noDataExpression,
 * an action text per operation) and each operation's fields shown only for
 * their own resource and operation.
 */
async function nothing(this: IExecuteFunctions) {
	return {};
}

function operation(value: string, name: string, extra: Partial<ResourceOperation<string>> = {}): ResourceOperation<string> {
	return { value, name, description: `${name} it`, action: `${name} a thing`, properties: [], output: z.object({}), execute: nothing, ...extra };
}

const field = (name: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName: name,
	name,
	type: 'string',
	default: '',
	...extra,
});

const actions: NodeActions<string> = {
	binding: 'bound',
	resources: [
		{
			value: 'zebra',
			name: 'Zebra',
			description: 'Declared first, listed last',
			operations: [
				operation('update', 'Update', { properties: [field('id')] }),
				operation('getAll', 'Get Many', {
					isDefault: true,
					properties: [field('returnAll'), field('limit', { displayOptions: { show: { returnAll: [false] } } })],
				}),
				operation('create', 'Create', { properties: (binding) => [field(`name-${binding}`)] }),
			],
		},
		{ value: 'apple', name: 'Apple', description: 'Declared last, listed first', operations: [operation('send', 'Send')] },
	],
};

const properties = actionProperties(actions);
const byName = (name: string) => properties.filter((property) => property.name === name);

describe('actionProperties', () => {
	it('offers the resources alphabetically, the first declared as the default', () => {
		const [resource] = byName('resource');
		expect(properties[0]).toBe(resource);
		expect(resource).toMatchObject({ type: 'options', noDataExpression: true, default: 'zebra' });
		expect(resource.options).toEqual([
			{ name: 'Apple', value: 'apple', description: 'Declared last, listed first' },
			{ name: 'Zebra', value: 'zebra', description: 'Declared first, listed last' },
		]);
	});

	it('gives each resource an Operation selector, options alphabetical with their action, the marked one (or the first) as default', () => {
		const [zebra, apple] = byName('operation');
		expect(zebra).toMatchObject({
			type: 'options',
			noDataExpression: true,
			default: 'getAll',
			displayOptions: { show: { resource: ['zebra'] } },
		});
		expect(zebra.options).toEqual([
			{ name: 'Create', value: 'create', description: 'Create it', action: 'Create a thing' },
			{ name: 'Get Many', value: 'getAll', description: 'Get Many it', action: 'Get Many a thing' },
			{ name: 'Update', value: 'update', description: 'Update it', action: 'Update a thing' },
		]);
		expect(apple).toMatchObject({ default: 'send', displayOptions: { show: { resource: ['apple'] } } });
	});

	it("shows each operation's fields, in declaration order, only for its resource and operation, keeping their own conditions", () => {
		const fields = properties.slice(3);
		expect(fields.map((property) => property.name)).toEqual(['id', 'returnAll', 'limit', 'name-bound']);
		expect(fields[0].displayOptions).toEqual({ show: { resource: ['zebra'], operation: ['update'] } });
		expect(fields[2].displayOptions).toEqual({ show: { returnAll: [false], resource: ['zebra'], operation: ['getAll'] } });
		expect(fields[3].displayOptions).toEqual({ show: { resource: ['zebra'], operation: ['create'] } });
	});

	it('refuses a node without resources, or a resource without operations', () => {
		expect(() => actionProperties({ binding: undefined, resources: [] })).toThrow(TypeError);
		expect(() =>
			actionProperties({ binding: undefined, resources: [{ value: 'a', name: 'A', description: 'A', operations: [] }] }),
		).toThrow(TypeError);
	});
});
