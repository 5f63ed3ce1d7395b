import { merajutAsa } from '../../nodes/MerajutAsa/definition';
import { eventAction, eventOptions } from '../../nodes/shared/n8n/eventOptions';
import { discoverProviders } from '../support/providers';

describe('the Events options as the nodes panel lists them', () => {
	it('keeps an acronym in capitals, where n8n would lower-case the option name', () => {
		expect(eventAction(merajutAsa, 'csr.program.milestone_achieved')).toBe('On CSR program milestone achieved');
		expect(eventAction(merajutAsa, 'child.education.milestone_achieved')).toBe('On child education milestone achieved');
	});

	it.each(discoverProviders().map((entry) => [entry.provider.displayName, entry.provider] as const))(
		'gives every %s event an action naming it, and none to All Events',
		(_name, provider) => {
			const [all, ...events] = eventOptions(provider, 'every event');
			expect(all.action).toBeUndefined();
			expect(events.map((option) => option.action)).toEqual(provider.events.map((event) => eventAction(provider, event.name)));
			for (const option of events) expect(option.action).toMatch(/^On \S/);
		},
	);
});
