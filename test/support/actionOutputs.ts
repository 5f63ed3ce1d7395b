/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeExecutionData, INodeType } from 'n8n-workflow';
import type { ZodTypeAny } from 'zod';

import type { NodeActions } from '../../nodes/shared/n8n/actions/types';
import { ROOT } from './providers';

/**
 * The output every action operation declares (`output` in its
 * `<op>.operation.ts`), which the build writes as the JSON Schema n8n previews.
 * Found as the build finds it (gulpfile.js `actionsIn`): the NodeActions each
 * action node module exports beside its class.
 */
interface Build {
	actionsIn(moduleExports: Record<string, unknown>): NodeActions<unknown> | undefined;
	outputSchemaFiles(moduleExports: Record<string, unknown>, label: string): Array<{ file: string; schema: Record<string, unknown> }>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const build = require(join(ROOT, 'gulpfile.js')) as Build;

export interface ActionNodeModule {
	/** Relative to nodes/, e.g. `Rishi/Rishi.node.ts`. */
	readonly file: string;
	/** What the module exports: its class and its NodeActions. */
	readonly moduleExports: Record<string, unknown>;
	readonly node: INodeType;
	readonly actions: NodeActions<unknown> | undefined;
}

/** Every action node file in nodes/ (a `.node.ts` that is not a trigger), so a new one is covered unlisted. */
export function actionNodeModules(): ActionNodeModule[] {
	return readdirSync(join(ROOT, 'nodes'), { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.node.ts') && !file.endsWith('Trigger.node.ts'))
		.map((file) => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const moduleExports = require(join(ROOT, 'nodes', file)) as Record<string, unknown>;
			const NodeClass = Object.values(moduleExports).find((value) => typeof value === 'function') as new () => INodeType;
			return { file, moduleExports, node: new NodeClass(), actions: build.actionsIn(moduleExports) };
		});
}

let byNodeName: Map<string, NodeActions<unknown>> | undefined;

/** The declared output of one operation of a node in nodes/, or undefined for a node defined by a test. */
export function declaredOutput(nodeName: string, resource: string, operation: string): ZodTypeAny | undefined {
	byNodeName ??= new Map(
		actionNodeModules()
			.filter((module) => module.actions !== undefined)
			.map((module) => [module.node.description.name, module.actions!]),
	);
	return byNodeName
		.get(nodeName)
		?.resources.find((entry) => entry.value === resource)
		?.operations.find((entry) => entry.value === operation)?.output;
}

/**
 * Fails unless every item an operation output (failure items of continueOnFail
 * aside) has the shape its operation declares: the schema the editor previews
 * is then the shape the node really produces, on every call the tests make.
 */
export function expectDeclaredOutput(
	nodeName: string,
	items: INodeExecutionData[],
	operationOf: (itemIndex: number) => { resource: string; operation: string },
	continueOnFail: boolean,
): void {
	for (const item of items) {
		if (continueOnFail && typeof item.json.error === 'string') continue;
		const inputIndex = Array.isArray(item.pairedItem)
			? item.pairedItem[0]?.item
			: typeof item.pairedItem === 'object'
				? item.pairedItem.item
				: 0;
		const { resource, operation } = operationOf(inputIndex ?? 0);
		const output = declaredOutput(nodeName, resource, operation);
		if (!output) continue;
		const checked = output.safeParse(item.json);
		if (!checked.success) {
			throw new Error(
				`${nodeName} ${resource}/${operation} output an item its declared output refuses: ${checked.error.message}\n${JSON.stringify(item.json)}`,
			);
		}
	}
}
