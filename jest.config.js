/** Unit tests run on any Node; the e2e project drives a real n8n (see test/e2e). */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: true }];

module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			roots: ['<rootDir>/test'],
			testMatch: ['**/*.test.ts'],
			testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
			transform: { '^.+\\.ts$': tsJest },
		},
		{
			// A real n8n (test/e2e/harness): globalSetup installs it on first use (into
			// ~/.cache, outside the repo), starts one instance for the whole run and
			// globalTeardown stops it by PID. Test files reach it with getSharedN8n().
			displayName: 'e2e',
			testEnvironment: 'node',
			roots: ['<rootDir>/test/e2e'],
			testMatch: ['**/*.e2e.ts'],
			testPathIgnorePatterns: ['/node_modules/', '/n8n-host/', '/n8n1-host/'],
			transform: { '^.+\\.ts$': tsJest },
			setupFilesAfterEnv: ['<rootDir>/test/e2e/jestSetup.ts'],
			globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
			globalTeardown: '<rootDir>/test/e2e/globalTeardown.ts',
		},
		{
			// The editor in a real browser (test/browser): Debian's Chromium driven by playwright-core, on
			// an n8n the test file boots with the package installed as a community package. Without
			// Chromium the tests are skipped, saying so, except in CI.
			displayName: 'browser',
			testEnvironment: 'node',
			roots: ['<rootDir>/test/browser'],
			testMatch: ['**/*.browser.ts'],
			transform: { '^.+\\.ts$': tsJest },
			setupFilesAfterEnv: ['<rootDir>/test/e2e/jestSetup.ts'],
		},
		{
			// The second n8n target: n8n 1.x on Node 20 (test/e2e/harness/targets.ts, N8N_1), installed
			// and started like the e2e project's n8n 2 by its own globalSetup/globalTeardown; its test
			// files reach it with getSharedN8n(N8N_1).
			displayName: 'e2e-n8n1',
			testEnvironment: 'node',
			roots: ['<rootDir>/test/e2e/n8n1'],
			testMatch: ['**/*.n8n1.ts'],
			transform: { '^.+\\.ts$': tsJest },
			setupFilesAfterEnv: ['<rootDir>/test/e2e/jestSetup.ts'],
			globalSetup: '<rootDir>/test/e2e/n8n1/globalSetup.ts',
			globalTeardown: '<rootDir>/test/e2e/n8n1/globalTeardown.ts',
		},
		{
			// n8n's queue mode (test/e2e/harness/queue.ts): globalSetup starts PostgreSQL, Redis,
			// main, 2 webhook processors and 2 workers on loopback, or records why it cannot (then
			// the tests are skipped, never passed); globalTeardown stops them by PID.
			displayName: 'e2e-queue',
			testEnvironment: 'node',
			roots: ['<rootDir>/test/e2e/queue'],
			testMatch: ['**/*.queue.ts'],
			transform: { '^.+\\.ts$': tsJest },
			setupFilesAfterEnv: ['<rootDir>/test/e2e/jestSetup.ts'],
			globalSetup: '<rootDir>/test/e2e/queue/globalSetup.ts',
			globalTeardown: '<rootDir>/test/e2e/queue/globalTeardown.ts',
		},
	],
};
