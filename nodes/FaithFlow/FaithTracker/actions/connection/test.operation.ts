import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { sendToFaithTracker } from '../../faithTracker';
import { readEvent } from '../fields';

/** The spec's connection test: `event_type: "test"`, answered with success and no sync. */
const TEST_EVENT = 'test';

export const properties: INodeProperties[] = [];

/** FaithTracker's answer to a test event (the guide's "Response Format"). */
export const output = z.object({ success: z.boolean(), message: z.string(), timestamp: z.string().optional() }).passthrough();

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await sendToFaithTracker.call(this, readEvent(this, itemIndex, TEST_EVENT), itemIndex);
}
