/**
 * Build steps n8n's CLI does not do. `n8n-node build` compiles TypeScript and
 * copies icons; this writes, from the compiled event catalogues, one JSON
 * Schema and one sample payload per event, plus an index, under
 * dist/nodes/<Provider>/events/. They document each event's shape for the
 * editor and for people wiring expressions, and are generated so they can
 * never drift from the zod schemas the triggers validate with.
 */
const { series } = require('gulp');
const fs = require('node:fs');
const path = require('node:path');
const { zodToJsonSchema } = require('zod-to-json-schema');

const DIST_NODES = path.join(__dirname, 'dist', 'nodes');

/**
 * Every provider: a folder under `nodesDir` whose definition module exports a
 * ProviderDefinition. The one way providers are found, by this build (over
 * dist/, compiled) and by the tests (over nodes/, `definition.ts` first), so
 * a new provider needs no list to be registered in.
 */
function discoverProviders(nodesDir = DIST_NODES, definitionFiles = ['definition.js']) {
	const definitionOf = (folder) =>
		definitionFiles.map((file) => path.join(nodesDir, folder, file)).find((file) => fs.existsSync(file));
	return fs
		.readdirSync(nodesDir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && definitionOf(entry.name) !== undefined)
		.flatMap((entry) =>
			Object.values(require(definitionOf(entry.name)))
				.filter(
					(value) =>
						value && typeof value === 'object' && typeof value.key === 'string' && Array.isArray(value.events) && 'replies' in value,
				)
				.map((provider) => ({ folder: entry.name, provider })),
		);
}

function fileNameOf(eventName) {
	return eventName.replace(/[^a-zA-Z0-9._-]/g, '_');
}

function writeJson(file, value) {
	fs.writeFileSync(file, `${JSON.stringify(value, null, '\t')}\n`);
}

async function generateEventFiles() {
	const providers = discoverProviders();
	if (providers.length === 0) throw new Error('No provider definitions found in dist/nodes; run n8n-node build first');
	for (const { folder, provider } of providers) {
		const outDir = path.join(DIST_NODES, folder, 'events');
		fs.rmSync(outDir, { recursive: true, force: true });
		fs.mkdirSync(outDir, { recursive: true });
		const events = [...provider.events, ...(provider.connectionTestEvents ?? [])];
		const index = [];
		for (const event of events) {
			const base = fileNameOf(event.name);
			const schema = zodToJsonSchema(event.schema, { name: event.name, $refStrategy: 'none' });
			writeJson(path.join(outDir, `${base}.schema.json`), schema);
			writeJson(path.join(outDir, `${base}.sample.json`), event.sample);
			index.push({ event: event.name, description: event.description, schema: `${base}.schema.json`, sample: `${base}.sample.json` });
		}
		writeJson(path.join(outDir, 'index.json'), { provider: provider.key, displayName: provider.displayName, events: index });
		console.log(`${provider.displayName}: ${events.length} event schemas and samples`);
	}
}

exports.discoverProviders = discoverProviders;
exports.generateEventFiles = generateEventFiles;
exports.default = series(generateEventFiles);
