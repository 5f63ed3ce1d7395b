import { z } from 'zod';

/**
 * What the webhook operations output: a subscription as Rishi's "List
 * Webhooks" shows one, plus the delivery settings its create call takes
 * ("Webhook Configuration Options"). Providers whose API is assumed may send
 * more; every field the provider sends is passed on.
 */
export const subscriptionOutput = z
	.object({
		id: z.union([z.string(), z.number()]).describe('The subscription ID'),
		url: z.string().describe('Where the events are delivered'),
		events: z.array(z.string()).describe('The subscribed events'),
		active: z.boolean().optional().describe('Whether events are delivered'),
		headers: z.record(z.string()).optional().describe('Headers added to every delivery'),
		timeout: z.number().optional().describe('How long the provider waits for an answer, in ms'),
		retries: z.number().optional().describe('How often a failed delivery is retried'),
		createdAt: z.string().optional(),
		lastTriggered: z.string().optional(),
	})
	.passthrough();

/** Create: the subscription, with the signing secret when the node generated it (shown once). */
export const createdSubscriptionOutput = subscriptionOutput.extend({
	secret: z.string().optional().describe('The generated signing secret; absent when you typed one'),
});

export const deletedSubscriptionOutput = z.object({
	id: z.string().describe('The deleted subscription ID'),
	deleted: z.literal(true),
});
