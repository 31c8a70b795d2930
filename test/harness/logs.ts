import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';

export interface CapturedLogs {
	/** One line per log call, as n8n would write it: level, message, metadata as JSON. */
	readonly lines: string[];
	stop(): void;
}

/** The winston logger behind n8n's Logger; only `log` and `child` are used by it. */
interface LogSink {
	log(level: string, message: string, metadata: unknown): LogSink;
	child(): LogSink;
}

/** Logger.setInternalLogger / getInternalLogger are public at runtime but private in its typings. */
type SwappableLogger = { getInternalLogger(): unknown; setInternalLogger(sink: unknown): void };

/**
 * Captures every line n8n logs while it runs — the nodes' `this.logger`, the engine's LoggerProxy and
 * the ErrorReporter's report of a failed node — at every level, including debug, whatever
 * N8N_LOG_LEVEL says: the logger's sink is swapped for a recorder.
 */
export function captureLogs(): CapturedLogs {
	const logger = Container.get(Logger);
	const swappable = logger as unknown as SwappableLogger;
	const previous = swappable.getInternalLogger();
	const lines: string[] = [];
	const sink: LogSink = {
		log(level: string, message: string, metadata: unknown) {
			lines.push(`${level} ${message} ${JSON.stringify(metadata)}`);
			return sink;
		},
		// Scoped loggers (Logger.scoped) created while capturing write here too.
		child: () => sink,
	};
	swappable.setInternalLogger(sink);
	LoggerProxy.init(logger);
	return {
		lines,
		stop: () => swappable.setInternalLogger(previous),
	};
}
