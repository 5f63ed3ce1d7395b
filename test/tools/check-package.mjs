/**
 * What the release workflow would publish, checked before it ever runs:
 * packs the built package as `npm publish` would, asserts the file list, and
 * runs the analysis step of n8n's community-package scanner on the unpacked
 * tarball and on the sources (offline: it lints, it does not download).
 *
 *   npm run build && npm run check:package
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = new URL('../..', import.meta.url).pathname;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const problems = [];

/** Files the tarball must hold besides dist/: npm adds package.json, README and LICENSE itself. */
const TOP_LEVEL = ['package.json', 'README.md', 'LICENSE.md', 'CHANGELOG.md', 'SECURITY.md'];
/** What ships from dist/: the compiled nodes and credentials, codex, event and output schema files, icons. */
const SHIPPED_IN_DIST = /^dist\/.+\.(js|json|svg)$/;

const scratch = mkdtempSync(join(tmpdir(), 'check-package-'));
try {
	const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' }));
	const files = packed.files.map((file) => file.path).sort();

	for (const file of TOP_LEVEL) if (!files.includes(file)) problems.push(`missing from the tarball: ${file}`);
	for (const file of files) {
		if (!TOP_LEVEL.includes(file) && !SHIPPED_IN_DIST.test(file)) problems.push(`should not ship: ${file}`);
	}
	for (const entry of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials]) {
		if (!files.includes(entry)) problems.push(`package.json names ${entry}, which the tarball lacks`);
	}
	// Each action node's output schemas, where n8n serves them to the editor (gulpfile.js outputSchemaFiles).
	const require = createRequire(import.meta.url);
	const build = require(join(root, 'gulpfile.js'));
	for (const entry of packageJson.n8n.nodes) {
		const nodeModule = require(join(root, entry));
		if (!build.actionsIn(nodeModule)) continue;
		for (const { file } of build.outputSchemaFiles(nodeModule, entry)) {
			const expected = join(dirname(entry), file);
			if (!files.includes(expected)) problems.push(`the tarball lacks ${expected}, the output schema of ${entry}`);
		}
	}

	const unpacked = join(scratch, 'unpacked');
	execFileSync('mkdir', ['-p', unpacked]);
	execFileSync('tar', ['-xzf', join(scratch, packed.filename), '-C', unpacked, '--strip-components', '1']);
	// The scanner's two steps: the sources (nodes/, credentials/, package.json) and the published JavaScript.
	for (const [label, dir, patterns] of [
		['sources', root, SOURCE_FILE_PATTERNS],
		['tarball', unpacked, ['**/*.js', 'package.json']],
	]) {
		const result = await analyzePackage(dir, patterns);
		if (!result.passed) problems.push(`scanner analysis of the ${label} failed: ${result.message}\n${result.details ?? ''}`);
	}
	console.log(`${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(0)} KiB packed; scanner analysis of sources and tarball run`);
} finally {
	rmSync(scratch, { recursive: true, force: true });
}

if (problems.length > 0) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log('package check passed');
