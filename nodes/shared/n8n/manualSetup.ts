/**
 * Lifecycle for triggers whose URL the user pastes into the provider's
 * dashboard: there is nothing to register, so the webhook always "exists".
 * Triggers that register themselves use the subscription lifecycle instead.
 */
export const manualSetup = {
	async checkExists(): Promise<boolean> {
		return true;
	},
	async create(): Promise<boolean> {
		return true;
	},
	async delete(): Promise<boolean> {
		return true;
	},
};
