/**
 * Build steps n8n's CLI does not do. `n8n-node build` compiles TypeScript and
 * copies icons; this writes, from the compiled code:
 * - per provider, one JSON Schema and one sample payload per event, plus an
 *   index, under dist/nodes/<Provider>/events/, for people wiring expressions;
 * - per action node, one JSON Schema per operation's output item, under
 *   `__schema__/v<version>/<resource>/<operation>.json` beside the node: the
 *   path n8n serves at `/schemas/<node type>/<version>/<resource>/<operation>.json`,
 *   which the editor reads to preview the output in the next node before the
 *   action has run.
 * Both are generated so they can never drift from the zod schemas in the code.
 */
const { series } = require('gulp');
const fs = require('node:fs');
const path = require('node:path');
const { zodToJsonSchema } = require('zod-to-json-schema');

const DIST_NODES = path.join(__dirname, 'dist', 'nodes');
const PACKAGE_JSON = path.join(__dirname, 'package.json');

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

/** The NodeActions an action node module exports beside its class (`{ binding, resources: [{ value, operations }] }`). */
function actionsIn(moduleExports) {
	return Object.values(moduleExports).find(
		(value) =>
			value && typeof value === 'object' && 'binding' in value && Array.isArray(value.resources) && value.resources.every((resource) => Array.isArray(resource.operations)),
	);
}

/** The one class a node module exports, instantiated. */
function nodeIn(moduleExports) {
	const NodeClass = Object.values(moduleExports).find((value) => typeof value === 'function');
	return NodeClass ? new NodeClass() : undefined;
}

/** `1` → `1.0.0`, as n8n names its `__schema__` version folders. */
function schemaVersion(version) {
	return `v${String(version).split('.').concat(['0', '0']).slice(0, 3).join('.')}`;
}

/**
 * The output schema files of one action node module: `[{ file, schema }]`, `file` relative to the
 * module's folder. Every operation's `output` must be an object schema with properties: the editor
 * ignores any other answer.
 */
function outputSchemaFiles(moduleExports, label) {
	const node = nodeIn(moduleExports);
	const actions = actionsIn(moduleExports);
	if (!actions) throw new Error(`${label} exports no NodeActions beside its class: its operations' output schemas cannot be written`);
	const versions = [node.description.version].flat();
	return versions.flatMap((version) =>
		actions.resources.flatMap((resource) =>
			resource.operations.map((operation) => {
				const schema = zodToJsonSchema(operation.output, { $refStrategy: 'none' });
				if (schema.type !== 'object' || Object.keys(schema.properties ?? {}).length === 0) {
					throw new Error(`${label}: the output of ${resource.value}/${operation.value} must be an object with properties`);
				}
				return { file: path.join('__schema__', schemaVersion(version), resource.value, `${operation.value}.json`), schema };
			}),
		),
	);
}

/** The compiled action nodes package.json lists (every node that is not a trigger). */
function builtActionNodes() {
	const { n8n } = JSON.parse(fs.readFileSync(PACKAGE_JSON, 'utf8'));
	return n8n.nodes
		.map((entry) => path.join(__dirname, entry))
		.filter((file) => !nodeIn(require(file)).description.group.includes('trigger'));
}

async function generateOutputSchemas() {
	const nodeFiles = builtActionNodes();
	if (nodeFiles.length === 0) throw new Error('No action nodes found in dist/nodes; run n8n-node build first');
	for (const nodeFile of nodeFiles) {
		const dir = path.dirname(nodeFile);
		fs.rmSync(path.join(dir, '__schema__'), { recursive: true, force: true });
		const files = outputSchemaFiles(require(nodeFile), path.relative(__dirname, nodeFile));
		for (const { file, schema } of files) {
			fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
			writeJson(path.join(dir, file), schema);
		}
		console.log(`${nodeIn(require(nodeFile)).description.displayName}: ${files.length} output schemas`);
	}
}

exports.discoverProviders = discoverProviders;
exports.actionsIn = actionsIn;
exports.outputSchemaFiles = outputSchemaFiles;
exports.generateEventFiles = generateEventFiles;
exports.generateOutputSchemas = generateOutputSchemas;
exports.default = series(generateEventFiles, generateOutputSchemas);
