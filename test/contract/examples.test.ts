/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { discoverProviders, loadProviderNodes, ROOT } from '../support/providers';

/**
 * The example workflows under examples/ (one per provider, importable into
 * n8n): each uses this package's trigger by its published type name, selects
 * only events of its provider's catalogue, and carries no credential of ours.
 * The e2e suite imports and publishes each one (test/e2e/examples.e2e.ts).
 */
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const examples = readdirSync(join(ROOT, 'examples')).filter((file) => file.endsWith('.json'));
const providers = discoverProviders();

it('has one example per provider', () => {
	expect(examples.map((file) => file.replace(/\.json$/, '')).sort()).toEqual(providers.map((entry) => entry.provider.key).sort());
});

describe.each(examples)('%s', (file) => {
	const workflow = JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8'));
	const { folder, provider } = providers.find((entry) => `${entry.provider.key}.json` === file)!;
	const trigger = loadProviderNodes(folder, provider).trigger().description;
	const node = workflow.nodes.find((entry: { type: string }) => entry.type.startsWith(`${packageJson.name}.`));

	it("starts with the provider's trigger, by its published type name, without credentials", () => {
		expect(node.type).toBe(`${packageJson.name}.${trigger.name}`);
		expect(node.credentials).toBeUndefined();
		expect(workflow.connections[node.name]).toBeDefined();
	});

	it("selects only events of the provider's catalogue", () => {
		const known = provider.events.map((event) => event.name);
		expect(node.parameters.events.length).toBeGreaterThan(0);
		for (const event of node.parameters.events) expect(known).toContain(event);
	});
});
