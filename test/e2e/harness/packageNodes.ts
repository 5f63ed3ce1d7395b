/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- test code runs under jest on a developer machine, not inside n8n */
/**
 * What n8n should register from the built package: the `description.name` of
 * every node class and the `name` of every credential class that the files in
 * package.json's `n8n.nodes` / `n8n.credentials` export, as far as they are built.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from './paths';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
	n8n?: { nodes?: string[]; credentials?: string[] };
};

/** The node files package.json declares. */
export const declaredNodeFiles = manifest.n8n?.nodes ?? [];

const built = (files: string[]) => files.filter((file) => fs.existsSync(path.join(REPO_ROOT, file)));

/** The declared node files that the build produced. */
export const builtNodeFiles = built(declaredNodeFiles);

/** An instance of every class a compiled file exports. */
function instancesIn(file: string): any[] {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(path.join(REPO_ROOT, file)) as Record<string, new () => any>;
	return Object.values(exported)
		.filter((value) => typeof value === 'function')
		.map((Class) => new Class());
}

/** `description.name` of every node/credential class a compiled file exports (what n8n registers). */
export function exportedNames(file: string, kind: 'node' | 'credential'): string[] {
	return instancesIn(file)
		.map((instance) => (kind === 'node' ? instance.description?.name : instance.name))
		.filter((name): name is string => typeof name === 'string');
}

/** The node type names n8n registers for the built package when it loads it through N8N_CUSTOM_EXTENSIONS: `CUSTOM.<name>`. */
export function builtCustomNodeTypes(): string[] {
	return builtNodeFiles.flatMap((file) => exportedNames(file, 'node')).map((name) => `CUSTOM.${name}`);
}

/** The credential type names of the built package. */
export function builtCredentialTypes(): string[] {
	return built(manifest.n8n?.credentials ?? []).flatMap((file) => exportedNames(file, 'credential'));
}

/** Name and fields of every credential class of the built package. */
export function builtCredentials(): Array<{ name: string; properties: Array<{ name: string; type: string; default?: unknown }>; test?: unknown }> {
	return built(manifest.n8n?.credentials ?? [])
		.flatMap(instancesIn)
		.map((credential) => ({
			name: credential.name as string,
			properties: credential.properties as Array<{ name: string; type: string; default?: unknown }>,
			test: credential.test as unknown,
		}));
}

/** Why the built package cannot be checked yet, or '' when it can. */
export function unbuiltReason(): string {
	if (declaredNodeFiles.length === 0) return 'package.json lists no nodes yet';
	if (builtNodeFiles.length === 0) return `none of ${declaredNodeFiles.join(', ')} is built (run npm run build)`;
	return '';
}
