import { judgeSigningSecret } from '../../nodes/shared/n8n/signingSecretTest';
import { discoverProviders } from '../support/providers';

describe.each(discoverProviders().map((entry) => [entry.provider.displayName, entry.provider] as const))(
	'%s Signing Secret credential test',
	(name, provider) => {
		it('is green with a secret, naming the header the trigger verifies', () => {
			const result = judgeSigningSecret(provider, { signingSecret: 'a-secret-typed-by-hand' });
			expect(result.status).toBe('OK');
			const scheme = provider.authentication;
			expect(result.message).toContain(scheme.kind === 'hmac-sha256' ? scheme.signatureHeader : scheme.optionalHmac.signatureHeader);
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
