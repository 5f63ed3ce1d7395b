import { judgeSigningSecret } from '../../nodes/shared/n8n/signingSecretTest';
import { schemeSignatureHeader } from '../../nodes/shared/pipeline/settings';
import { discoverProviders } from '../support/providers';

describe.each(discoverProviders().map((entry) => [entry.provider.displayName, entry.provider] as const))(
	'%s Signing Secret credential test',
	(name, provider) => {
		it('is green with a secret, naming the header the trigger verifies', () => {
			const result = judgeSigningSecret(provider, { signingSecret: 'a-secret-typed-by-hand' });
			expect(result.status).toBe('OK');
			expect(result.message).toContain(schemeSignatureHeader(provider));
			expect(result.message).not.toContain('a-secret-typed-by-hand');
		});

		it.each([
			['no credential data', undefined],
			['an empty secret', { signingSecret: '' }],
			['only a previous secret', { previousSigningSecret: 'old' }],
		])('is red with what to enter for %s', (_label, data) => {
			const result = judgeSigningSecret(provider, data);
			expect(result).toEqual({ status: 'Error', message: expect.stringContaining(`signing secret that ${name} signs`) });
		});

		it('is red for a secret with a space at either end, without echoing it', () => {
			for (const secret of [' padded', 'padded\n', '   ']) {
				const result = judgeSigningSecret(provider, { signingSecret: secret });
				expect(result.status).toBe('Error');
				expect(result.message).toMatch(/space/);
			}
		});
	},
);
