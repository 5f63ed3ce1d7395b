/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
/**
 * packPackage(): `npm pack` of the built package, extracted into a staging
 * folder outside the repo (under os.tmpdir()). n8n is pointed at it with
 * N8N_CUSTOM_EXTENSIONS, so it loads exactly what would be published, and no
 * node_modules above the staged files holds zod: `require('zod')` in our nodes
 * can only resolve to the host n8n's copy (n8n prepends its own module paths
 * to NODE_PATH).
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

import { REPO_ROOT, SCRATCH_ROOT } from './paths';
import { cleanEnv, run } from './proc';

export interface StagedPackage {
	/** Folder that holds the extracted tarball (remove it when done). */
	stagingDir: string;
	/** The extracted package (`<stagingDir>/package`): the value for N8N_CUSTOM_EXTENSIONS. */
	packageDir: string;
	tarball: string;
	name: string;
	version: string;
	/** `n8n.nodes` / `n8n.credentials` of the packed package.json (paths inside the package). */
	nodes: string[];
	credentials: string[];
	/** Listed files that are missing from the tarball (dist not built, or stale). */
	missing: string[];
	fileCount: number;
}

interface PackedManifest {
	name: string;
	version: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

export interface PackOptions {
	/** Names the staging folder: <tmp>/n8n-nodes-webhook-connectors-e2e/staged-<label>-<random>. */
	label?: string;
	repoRoot?: string;
}

/** Packs the repo's package (dist/ must be built) and extracts it into a fresh staging folder. */
export async function packPackage(options: PackOptions = {}): Promise<StagedPackage> {
	const repoRoot = options.repoRoot ?? REPO_ROOT;
	if (!fs.existsSync(path.join(repoRoot, 'dist'))) throw new Error(`${repoRoot}/dist does not exist: run \`npm run build\` first`);

	// A folder of its own: two suites on one machine boot instances with the same label, and one
	// removing its staged package must not pull the nodes from under the other's n8n at its restart.
	fs.mkdirSync(SCRATCH_ROOT, { recursive: true });
	const stagingDir = fs.mkdtempSync(path.join(SCRATCH_ROOT, `staged-${options.label ?? process.pid}-`));

	// --ignore-scripts: pack what is built, never rebuild as a side effect.
	const out = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', stagingDir], {
		cwd: repoRoot,
		env: cleanEnv(),
		timeoutMs: 5 * 60_000,
	});
	const report = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string; entryCount: number }>;
	const tarball = path.join(stagingDir, report[0].filename);
	await run('tar', ['-xzf', tarball, '-C', stagingDir], { cwd: stagingDir, env: cleanEnv() });

	const packageDir = path.join(stagingDir, 'package');
	const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as PackedManifest;
	const nodes = manifest.n8n?.nodes ?? [];
	const credentials = manifest.n8n?.credentials ?? [];
	const missing = [...nodes, ...credentials].filter((file) => !fs.existsSync(path.join(packageDir, file)));

	assertNoZodAbove(packageDir);

	return {
		stagingDir,
		packageDir,
		tarball,
		name: manifest.name,
		version: manifest.version,
		nodes,
		credentials,
		missing,
		fileCount: report[0].entryCount,
	};
}

/**
 * Throws when Node's resolution from inside the staged package finds a zod of
 * its own (a node_modules above os.tmpdir(), say): then the e2e run would not
 * prove that the host's zod is used.
 */
export function assertNoZodAbove(packageDir: string): void {
	const probe = createRequire(path.join(packageDir, 'dist', 'probe.js'));
	let found: string | undefined;
	try {
		found = probe.resolve('zod');
	} catch {
		return;
	}
	throw new Error(
		`zod resolves to ${found} from the staged package ${packageDir}; ` +
			'the staging folder must have no node_modules with zod above it (set TMPDIR elsewhere)',
	);
}

/** Where the host n8n resolves zod from (n8n puts its own module paths first on NODE_PATH). */
export function hostZodPath(installDir: string): string {
	return createRequire(path.join(installDir, 'node_modules', 'n8n', 'dist', 'load-nodes-and-credentials.js')).resolve('zod');
}
