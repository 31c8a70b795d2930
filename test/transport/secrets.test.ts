import { checkBaseUrl } from '../../nodes/shared/baseUrl';
import { redactText, redactValue } from '../../nodes/shared/secrets';

const KEY = `sk_${'ab12'.repeat(16)}`;

describe('secret scrubbing', () => {
	it.each([
		[`X-API-Key: ${KEY}`, 'X-API-Key: [redacted]'],
		[`{"x-api-key":"${KEY}","path":"/bundles"}`, '{"x-api-key":"[redacted]","path":"/bundles"}'],
		['{"password":"hunter2","user":"a"}', '{"password":"[redacted]","user":"a"}'],
		['signing_secret=whsec_abcdef123456&x=1', 'signing_secret=[redacted]&x=1'],
		['see https://user:pa55@host.example/api', 'see https://[redacted]@host.example/api'],
		['Authorization: Bearer abc.def.ghi', 'Authorization: [redacted]'],
		['old key tok_live_abcdef123 here', 'old key [redacted] here'],
	])('scrubs %j', (text, expected) => {
		expect(redactText(text)).toBe(expected);
	});

	it('scrubs a known key in any form it takes once encoded', () => {
		const custom = 'my-own-secret-value';
		expect(redactText(`a ${custom} b ${encodeURIComponent(custom)} c ${Buffer.from(custom).toString('base64')}`, [custom]))
			.toBe('a [redacted] b [redacted] c [redacted]');
	});

	it('scrubs values deeply and blanks secret-named fields', () => {
		expect(redactValue({ details: { headers: { 'x-api-key': 'abc', host: 'h' }, note: `key ${KEY}` }, list: [KEY] })).toEqual({
			details: { headers: { 'x-api-key': '[redacted]', host: 'h' }, note: 'key [redacted]' },
			list: ['[redacted]'],
		});
	});
});

describe('Base URL checks', () => {
	it('accepts TokPortal and a local simulator, and defaults when empty', () => {
		expect(checkBaseUrl('https://app.tokportal.com/api/ext/')).toEqual({ ok: true, baseUrl: 'https://app.tokportal.com/api/ext' });
		expect(checkBaseUrl(' http://127.0.0.1:4010/api/ext ')).toEqual({ ok: true, baseUrl: 'http://127.0.0.1:4010/api/ext' });
		expect(checkBaseUrl('')).toEqual({ ok: true, baseUrl: 'https://app.tokportal.com/api/ext' });
	});

	it.each([
		[`https://user:${KEY}@app.tokportal.com/api/ext`, /user name or password/],
		[`https://app.tokportal.com/api/ext?key=${KEY}`, /must not contain "\?" or "#"/],
		[`https://app.tokportal.com/${KEY}/api/ext`, /contains an API key/],
		['https://app.tokportal.com/my-custom-key/api', /contains an API key/],
		['ftp://app.tokportal.com', /must start with https:\/\//],
		['app.tokportal.com/api/ext', /not a valid web address/],
	])('refuses %s without quoting the secret', (url, problem) => {
		const check = checkBaseUrl(url, 'my-custom-key');
		expect(check.ok).toBe(false);
		if (check.ok) return;
		expect(check.problem).toMatch(problem);
		expect(check.problem).not.toContain(KEY);
		expect(check.problem).not.toContain('my-custom-key');
	});
});
