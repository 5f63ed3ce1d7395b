/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

import { actionNodeModules } from '../support/actionOutputs';


/**
 * The action nodes take their credential name from the provider definition
 * (or FaithTracker's one constant), which n8n's lint cannot read: its
 * valid-credential-references and no-credential-reuse rules check literals
 * only. This checks what they would have.
 */
const ROOT = join(__dirname, '..', '..');
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

async function registeredCredentialNames(): Promise<string[]> {
	const registered = new Set<string>(packageJson.n8n.credentials);
	const files = readdirSync(join(ROOT, 'credentials')).filter(
		(file) => file.endsWith('.credentials.ts') && registered.has(`dist/credentials/${file.replace(/\.ts$/, '.js')}`),
	);
	const modules = await Promise.all(
		files.map(async (file) => (await import(join(ROOT, 'credentials', file))) as Record<string, unknown>),
	);
	return modules
		.flatMap((module) => Object.values(module) as Array<new () => ICredentialType>)
		.map((CredentialClass) => new CredentialClass().name);
}

const nodes: Array<[string, INodeType]> = actionNodeModules().map((module) => [module.file, module.node]);

it('finds the six action nodes', () => {
	expect(nodes.length).toBeGreaterThanOrEqual(6);
});

describe.each(nodes)('%s', (_name, node) => {
	it('uses one credential, registered in package.json', async () => {
		const credentials = node.description.credentials ?? [];
		expect(credentials).toHaveLength(1);
		expect(credentials[0].required).toBe(true);
		expect(await registeredCredentialNames()).toContain(credentials[0].name);
	});
});
