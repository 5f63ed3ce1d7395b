/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
/**
 * Every node of the package as the editor's nodes panel shows it: the nodes
 * package.json lists, grouped by panel entry. n8n merges a trigger with the
 * action node of the same name ("Churn Saver Trigger" + "Churn Saver" are one
 * entry "Churn Saver" whose page lists Triggers and Actions); FaithTracker is
 * an entry of its own.
 */
import * as path from 'node:path';

import type { INodeProperties, INodeType } from 'n8n-workflow';

import { declaredNodeFiles } from '../e2e/harness/packageNodes';
import { REPO_ROOT } from '../e2e/harness/paths';
import { onlyClassIn } from '../support/providers';

export interface PanelNode {
	/** The node type's name without its package prefix, e.g. `churnSaverTrigger`. */
	type: string;
	displayName: string;
	trigger: boolean;
	/** Parameters the node's panel must show right after the node is added (`parameter-input-<name>`). */
	parameters: string[];
	/** Items on the entry's page: one per Events option for a trigger, one per operation for an action node. */
	panelItems: number;
}

export interface PanelEntry {
	/** The entry's name in the nodes panel. */
	name: string;
	nodes: PanelNode[];
}

/** Parameter types that render as `parameter-input-<name>`; collections render as an "Add Option" list instead. */
const INPUT_TYPES = new Set(['options', 'multiOptions', 'string', 'boolean', 'number']);

function shownParameters(properties: INodeProperties[]): string[] {
	const shown = properties.filter((property) => !property.displayOptions && INPUT_TYPES.has(property.type)).map((property) => property.name);
	// An action picked from the panel sets resource and operation, so its Operation is shown too.
	if (properties.some((property) => property.name === 'operation')) shown.push('operation');
	return shown;
}

function panelItems(properties: INodeProperties[], trigger: boolean): number {
	const optionsOf = (name: string) => properties.filter((property) => property.name === name).flatMap((property) => property.options ?? []);
	return trigger ? optionsOf('events').length : optionsOf('operation').length;
}

/** The source file of a node that package.json lists by its built path (dist/nodes/X/X.node.js → nodes/X/X.node.ts). */
function sourceOf(distPath: string): string {
	return path.join(REPO_ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

export function packageNodes(): PanelEntry[] {
	const entries = new Map<string, PanelNode[]>();
	for (const distPath of declaredNodeFiles) {
		const { description } = new (onlyClassIn<INodeType>(sourceOf(distPath)))();
		const trigger = description.group.includes('trigger');
		const node: PanelNode = {
			type: description.name,
			displayName: description.displayName,
			trigger,
			parameters: shownParameters(description.properties),
			panelItems: panelItems(description.properties, trigger),
		};
		const entry = description.displayName.replace(/ Trigger$/, '');
		entries.set(entry, [...(entries.get(entry) ?? []), node]);
	}
	// Triggers first: an empty canvas opens the panel on triggers, and actions are added after one.
	return [...entries].map(([name, nodes]) => ({ name, nodes: nodes.sort((a, b) => Number(b.trigger) - Number(a.trigger)) }));
}
