import type { TokPortalResource } from '../operation';
import { configure } from './configure.operation';
import { configureMany } from './configureMany.operation';
import { finalize } from './finalize.operation';
import { fixDownload } from './fixDownload.operation';
import { get } from './get.operation';
import { getAdCode } from './getAdCode.operation';
import { getMany } from './getMany.operation';
import { importCsv } from './importCsv.operation';
import { publish } from './publish.operation';
import { publishAll } from './publishAll.operation';
import { requestAdCode } from './requestAdCode.operation';
import { requestCorrections } from './requestCorrections.operation';
import { reset } from './reset.operation';
import { unschedule } from './unschedule.operation';
import { update } from './update.operation';

export const video: TokPortalResource = {
	name: 'Video',
	value: 'video',
	description: 'The video slots of a bundle: configure (one or a whole calendar), publish, review, ad codes',
	defaultOperation: 'configureMany',
	operations: [
		configure,
		configureMany,
		finalize,
		fixDownload,
		get,
		getAdCode,
		getMany,
		importCsv,
		publish,
		publishAll,
		requestAdCode,
		requestCorrections,
		reset,
		unschedule,
		update,
	],
};
