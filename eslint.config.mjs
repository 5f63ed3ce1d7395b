import { config } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';

// n8n's community-node rules (cloud rules included) apply unchanged to nodes/,
// credentials/ and package.json: the files the published package is made of and
// that n8n's community-package scanner checks. Tests and tooling under test/
// run on a developer machine, not inside n8n: they need timers, process,
// node:http and friends, so they get the TypeScript recommended rules only.
// This is why package.json has "n8n.strict": false (strict mode would forbid
// this file from differing from n8n's template). See README, "Design".
const isGlobalIgnore = (block) => Object.keys(block).every((key) => key === 'ignores' || key === 'name');
const nodeRules = config.map((block) =>
	isGlobalIgnore(block) ? block : { ...block, ignores: [...(block.ignores ?? []), 'test/**'] },
);

export default tseslint.config(
	{ ignores: ['dist/**', '.build/**', 'coverage/**', 'node_modules/**', 'test/e2e/n8n-host/**'] },
	...nodeRules,
	{
		files: ['test/**/*.ts'],
		extends: [tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
		},
	},
);
