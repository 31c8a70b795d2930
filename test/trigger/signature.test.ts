// The signature scheme on its own: header parsing and HMAC over the raw bytes.
import {
	expectedSignature,
	parseSignatureHeader,
	verifySignature,
} from '../../nodes/TokPortalTrigger/signature';
import { signPayload } from '../simulator/webhookDelivery';

const SECRET = 'whsec_test';

describe('TokPortal-Signature', () => {
	it('computes what TokPortal (the simulator) signs', () => {
		const raw = '{"id":"evt_1","type":"webhook.test","data":{}}';
		expect(expectedSignature(SECRET, '1717243200', Buffer.from(raw)).toString('hex')).toBe(
			signPayload(SECRET, 1717243200, raw),
		);
	});

	it('signs the raw UTF-8 bytes (non-ASCII bodies verify)', () => {
		const raw = '{"data":{"biography":"Café ☕ — ok"}}';
		const t = Math.floor(Date.now() / 1000);
		const header = `t=${t},v1=${signPayload(SECRET, t, raw)}`;
		expect(
			verifySignature({ header, rawBody: Buffer.from(raw, 'utf8'), secret: SECRET, toleranceSeconds: 300, nowSeconds: t }),
		).toEqual({ valid: true });
	});

	it('keeps every v1 and accepts the delivery when one of them matches', () => {
		const raw = '{}';
		const t = 1717243200;
		const good = signPayload(SECRET, t, raw);
		const header = `t=${t},v1=${'0'.repeat(64)},v1=${good}`;
		expect(parseSignatureHeader(header)?.signatures).toHaveLength(2);
		expect(
			verifySignature({ header, rawBody: Buffer.from(raw), secret: SECRET, toleranceSeconds: 300, nowSeconds: t }),
		).toEqual({ valid: true });
	});

	it('treats the tolerance as inclusive on both sides', () => {
		const raw = '{}';
		const t = 1717243200;
		const header = `t=${t},v1=${signPayload(SECRET, t, raw)}`;
		const check = (nowSeconds: number) =>
			verifySignature({ header, rawBody: Buffer.from(raw), secret: SECRET, toleranceSeconds: 300, nowSeconds }).valid;
		expect([check(t - 300), check(t + 300), check(t - 301), check(t + 301)]).toEqual([true, true, false, false]);
	});

	it('fails closed on an empty secret', () => {
		const raw = '{}';
		const t = 1717243200;
		const header = `t=${t},v1=${signPayload('', t, raw)}`;
		expect(
			verifySignature({ header, rawBody: Buffer.from(raw), secret: '', toleranceSeconds: 300, nowSeconds: t }).valid,
		).toBe(false);
	});
});
