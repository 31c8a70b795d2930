// How an input file is read (a small unit test with a stand-in context): a file n8n keeps in its
// binary store is streamed from there and never read into memory; one held in the item is used as is.
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputFile } from '../../../nodes/TokPortal/actions/upload/binaryFile';

function context(item: INodeExecutionData) {
	const calls: string[] = [];
	const ctx = {
		getNode: () => ({ name: 'TokPortal' }),
		getInputData: () => [item],
		helpers: {
			getBinaryMetadata: async (id: string) => {
				calls.push(`metadata ${id}`);
				return { fileSize: 9_000_000, mimeType: 'video/mp4' };
			},
			getBinaryStream: async (id: string) => {
				calls.push(`stream ${id}`);
				return 'a stream';
			},
			getBinaryDataBuffer: async () => {
				calls.push('buffer');
				return Buffer.from('bytes');
			},
		},
	};
	return { ctx: ctx as unknown as IExecuteFunctions, calls };
}

describe('input files', () => {
	it('stream from the binary store when the file has an id; the size comes from its metadata', async () => {
		const { ctx, calls } = context({ json: {}, binary: { data: { id: 'filesystem-v2:abc', data: 'filesystem-v2', mimeType: 'video/mp4', fileName: 'ad.mp4' } } });
		const file = await inputFile(ctx, 0, 'data', 'video');
		expect([file.fileName, file.contentType, file.size]).toEqual(['ad.mp4', 'video/mp4', 9_000_000]);
		expect(await file.bytes()).toBe('a stream');
		expect(calls).toEqual(['metadata filesystem-v2:abc', 'stream filesystem-v2:abc']);
	});

	it('use the bytes kept in the item otherwise; the size is computed from them, the type from the extension', async () => {
		const data = Buffer.from('0123456789').toString('base64');
		const { ctx, calls } = context({ json: {}, binary: { data: { data, mimeType: 'application/octet-stream', fileName: 'clip.MOV' } } });
		const file = await inputFile(ctx, 0, 'data', 'video');
		expect([file.size, file.contentType]).toEqual([10, 'video/quicktime']);
		await file.bytes();
		expect(calls).toEqual(['buffer']);
	});

	it('prefer the byte count n8n recorded, and name a file without a name after its extension', async () => {
		const { ctx } = context({ json: {}, binary: { data: { data: '', bytes: 1234, mimeType: 'image/png', fileExtension: 'png' } } });
		const file = await inputFile(ctx, 0, 'data', 'image');
		expect([file.fileName, file.size]).toEqual(['image.png', 1234]);
	});
});
