import { createHash } from 'crypto';

import { paidRequest } from '../../../nodes/TokPortal/actions/paidCall';

describe('order request settings', () => {
	it('scopes the user key to the operation, and hashes it when the header would be too long', () => {
		expect(paidRequest('bundle.create', { dryRun: false, idempotencyKey: 'row-7' })).toEqual({
			idempotencyKey: 'bundle.create:row-7',
		});
		const hashed = paidRequest('bundle.createBulk', { dryRun: false, idempotencyKey: 'x'.repeat(255) }).idempotencyKey;
		expect(hashed).toBe(`bundle.createBulk:sha256:${createHash('sha256').update('x'.repeat(255)).digest('hex')}`);
		expect(paidRequest('bundle.create', { dryRun: false })).toEqual({});
	});

	it('sends the dry-run header and never the user key on a dry run', () => {
		expect(paidRequest('bundle.create', { dryRun: true, idempotencyKey: 'row-7' })).toEqual({
			headers: { 'X-TokPortal-Dry-Run': 'true' },
		});
	});
});
