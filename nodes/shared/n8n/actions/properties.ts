import {
	NodeConnectionTypes,
	updateDisplayOptions,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeTypeDescription,
} from 'n8n-workflow';

import type { NodeActions, Resource } from './types';

/** n8n's lint wants selector options in alphabetical order, whatever order they are declared in. */
function byName(options: INodePropertyOptions[]): INodePropertyOptions[] {
	return [...options].sort((a, b) => a.name.localeCompare(b.name));
}

function resourceSelector<Binding>(resources: readonly Resource<Binding>[]): INodeProperties {
	// A variable, not `resources[0].value`: n8n's lint takes a member expression for a missing default.
	const defaultResource = resources[0].value;
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: defaultResource,
		options: byName(resources.map(({ name, value, description }) => ({ name, value, description }))),
	};
}

function operationSelector<Binding>(resource: Resource<Binding>): INodeProperties {
	const defaultOperation = (resource.operations.find((operation) => operation.isDefault) ?? resource.operations[0]).value;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		default: defaultOperation,
		options: byName(resource.operations.map(({ name, value, description, action }) => ({ name, value, description, action }))),
	};
}

function operationFields<Binding>(resource: Resource<Binding>, binding: Binding): INodeProperties[] {
	return resource.operations.flatMap((operation) =>
		updateDisplayOptions(
			{ show: { resource: [resource.value], operation: [operation.value] } },
			typeof operation.properties === 'function' ? operation.properties(binding) : operation.properties,
		),
	);
}

/**
 * An action node's parameters: the Resource selector, one Operation selector
 * per resource, then each operation's fields, shown only for their resource
 * and operation. Resources and operations are declared once, in `actions`.
 */
export function actionProperties<Binding>({ binding, resources }: NodeActions<Binding>): INodeProperties[] {
	if (resources.length === 0 || resources.some((resource) => resource.operations.length === 0)) {
		throw new TypeError('An action node needs at least one resource, and each resource at least one operation');
	}
	return [
		resourceSelector(resources),
		...resources.map(operationSelector),
		...resources.flatMap((resource) => operationFields(resource, binding)),
	];
}

/** The subtitle of a node built with `actionProperties`: the chosen operation and resource. */
export const OPERATION_SUBTITLE = '={{$parameter["operation"] + ": " + $parameter["resource"]}}';

/** What n8n's lint reads from an action node's class itself (icon-validation, require-node-description-fields, node-usable-as-tool). */
type StatedInClass = 'icon' | 'subtitle' | 'usableAsTool';

export interface ActionNodeIdentity {
	readonly displayName: string;
	/** The node type, as package.json and the codex file know it. */
	readonly name: string;
	readonly description: string;
	readonly credentialName: string;
	/** `transform` unless the node sends something out, like FaithTracker's events. */
	readonly group?: 'transform' | 'output';
}

/** An action node's description but for what its class states; `properties` usually come from `actionProperties`. */
export function actionNodeDescription(node: ActionNodeIdentity, properties: INodeProperties[]): Omit<INodeTypeDescription, StatedInClass> {
	return {
		displayName: node.displayName,
		name: node.name,
		group: [node.group ?? 'transform'],
		version: 1,
		description: node.description,
		defaults: { name: node.displayName },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: node.credentialName, required: true }],
		properties,
	};
}
