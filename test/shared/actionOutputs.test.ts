import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { zodToJsonSchema } from 'zod-to-json-schema';

import { output as memberEventOutput } from '../../nodes/FaithFlow/FaithTracker/actions/memberEvent/send.operation';
import { output as connectionTestOutput } from '../../nodes/FaithFlow/FaithTracker/actions/connection/test.operation';
import { subscriptionOutput } from '../../nodes/shared/n8n/actions/webhook/output';
import { actionNodeModules, build } from '../support/actionOutputs';

/**
 * Every action operation declares the shape of its output item; the build
 * writes it where n8n 2.40 serves it (`<node dir>/__schema__/v<x.y.z>/<resource>/<operation>.json`,
 * n8n-core's output-schema resolver) so the editor can preview the next node's
 * input before the action has run. That each declared shape is what the node
 * really outputs is checked on every successful call the tests make
 * (test/support/actionHarness.ts).
 */
const modules = actionNodeModules();

/** The (resource, operation) pairs the node's selectors offer. */
function offeredOperations(properties: INodeProperties[]): string[] {
	const resources = (properties.find((property) => property.name === 'resource')!.options as INodePropertyOptions[]).map(
		(option) => option.value as string,
	);
	return resources.flatMap((resource) =>
		properties
			.filter((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource))
			.flatMap((property) => (property.options as INodePropertyOptions[]).map((option) => `${resource}/${option.value as string}`)),
	);
}

describe.each(modules.map((module) => [module.file, module] as const))('%s', (file, module) => {
	it('exports the NodeActions it runs, beside its class, for the build to find', () => {
		expect(module.actions).toBeDefined();
	});

	it('gets one output schema per operation its selectors offer, at the path n8n serves', () => {
		const files = build.outputSchemaFiles(module.moduleExports, file);
		const version = `v${module.node.description.version as number}.0.0`;
		expect(files.map((entry) => entry.file).sort()).toEqual(
			offeredOperations(module.node.description.properties)
				.map((pair) => `__schema__/${version}/${pair}.json`)
				.sort(),
		);
		for (const { file: schemaFile, schema } of files) {
			const [, , resource, operation] = schemaFile.replace(/\.json$/, '').split('/');
			const declared = module
				.actions!.resources.find((entry) => entry.value === resource)!
				.operations.find((entry) => entry.value === operation)!;
			expect(schema).toEqual(zodToJsonSchema(declared.output, { $refStrategy: 'none' }));
			// The editor shows a preview only for an object schema with properties.
			expect(schema.type).toBe('object');
			expect(Object.keys(schema.properties as object).length).toBeGreaterThan(0);
		}
	});
});

describe("declared outputs take the specs' own examples", () => {
	it('a subscription as Rishi\'s "List Webhooks" shows it', () => {
		const listed = {
			id: 'webhook-123',
			url: 'https://your-domain.com/webhook/rishi',
			events: ['booking.created', 'booking.updated'],
			active: true,
			createdAt: '2025-01-16T10:00:00Z',
			lastTriggered: '2025-01-16T10:30:00Z',
		};
		expect(subscriptionOutput.parse(listed)).toEqual(listed);
	});

	it('FaithTracker\'s answers to a member event and a test event ("Response Format")', () => {
		const member = {
			success: true,
			message: 'Member updated: SUMARNI NINGSIH',
			member_id: '8655d76b-9be0-4681-bd2c-35cd5e09a809',
		};
		const test = {
			success: true,
			message: 'Webhook test successful! FaithTracker is ready to receive member updates.',
			timestamp: '2025-11-20T01:40:03.519522+00:00',
		};
		expect(memberEventOutput.parse(member)).toEqual(member);
		expect(connectionTestOutput.parse(test)).toEqual(test);
	});
});
