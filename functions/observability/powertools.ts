/**
 * Powertools for AWS Lambda in every function: structured logs with the request id, the function and a cold-start
 * flag; custom metrics as EMF (`starmark` namespace, `service` dimension from POWERTOOLS_SERVICE_NAME); X-Ray
 * segments for the handler and every AWS SDK call. One wrapper, `instrumented`, puts a handler inside all three;
 * the local runtime never loads this module (its logs stay the plain JSON lines of http/log.ts).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context } from 'aws-lambda';
import { DEPLOYMENT_ENV, logLevelOf } from '../../shared/deployment-env';
import { setLogSink } from '../http/log';
import { metrics } from './metrics';

const LEVELS = { debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR' } as const;

export const logger = new Logger({
  logLevel: LEVELS[logLevelOf(process.env[DEPLOYMENT_ENV.logLevel])],
});
export const tracer = new Tracer();

/** An AWS SDK client whose calls appear as X-Ray subsegments. */
export const traced = <T>(client: T): T => tracer.captureAWSv3Client(client);

/**
 * The handler inside the logger's request context (request id, cold start), an X-Ray subsegment, and a metrics
 * flush at the end of every invocation (cold starts counted as `ColdStart`).
 */
export function instrumented<E, R>(handler: (event: E) => Promise<R>) {
  // Every `log.*` of the function's code goes through the Powertools logger, so it carries the request context.
  setLogSink((level, message, fields) => logger[level](message, fields ?? {}));
  return async (event: E, context: Context): Promise<R> => {
    logger.addContext(context);
    metrics.captureColdStartMetric();
    const segment = tracer.getSegment();
    const subsegment = segment?.addNewSubsegment(`## ${process.env._HANDLER ?? 'handler'}`);
    if (subsegment) tracer.setSegment(subsegment);
    tracer.annotateColdStart();
    tracer.addServiceNameAnnotation();
    try {
      return await handler(event);
    } catch (error) {
      tracer.addErrorAsMetadata(error as Error);
      throw error;
    } finally {
      subsegment?.close();
      if (segment) tracer.setSegment(segment);
      metrics.publishStoredMetrics();
      logger.resetKeys();
    }
  };
}
