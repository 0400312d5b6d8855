/**
 * The whole system on one machine: DynamoDB Local, the table, the dev identity provider, the Lambda handlers with
 * local dependencies, and the gateway in front. `npm start`, the integration tests and the benchmarks all start it
 * through here, so they exercise the same wiring.
 */

import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CertificationBody } from '../../shared/certification-body';
import { DomainError } from '../../shared/errors';
import type { RegistryStore } from '../../shared/store/port';
import { allOf, recordingSignIns } from '../directory/record-sign-ins';
import { SignInAddresses } from '../directory/sign-in-addresses';
import { SignInDirectory } from '../directory/sign-in-directory';
import { createApiHandler } from '../http/dispatch';
import { problemResponse } from '../http/problem';
import { OutboxNotifier } from '../notify/outbox';
import { publicFunction } from '../ops/public';
import { staffFunction } from '../ops/staff';
import type { Deps } from '../service/deps';
import { StarMarkTokens } from '../signing/issuer';
import { LocalKeyRing } from '../signing/local/local-key-ring';
import type { SigningKeyRing } from '../signing/ports';
import { documentClient } from '../store/dynamo-client';
import { DynamoRegistryStore } from '../store/dynamo-store';
import { type IntegrationResult, integrateLog } from '../transparency-log/integrator';
import { type LogKey, logOriginFor, openLocalLogKey } from '../transparency-log/log-key';
import { withTransparencyLog } from '../transparency-log/logged-store';
import { type LogObjects, logObjectsOn } from '../transparency-log/objects';
import { runWebhooks } from '../webhooks/run';
import { httpSender } from '../webhooks/sender';
import { loadLocalCertificationBody } from './certification-body-file';
import { lockDataFolder } from './data-folder-lock';
import { deploymentFiles } from './deployment-files';
import { devDirectory } from './dev-directory';
import { DevIdentityProvider } from './dev-identity';
import { devLoginEndpoints } from './dev-login';
import { withDurableTransactions } from './durable-transactions';
import { type DynamoDbLocal, LOCAL_AWS, startDynamoDbLocal } from './dynamodb-local';
import { gatewayListener, sendResult } from './gateway';
import { allowedHosts } from './host-check';
import { assertPortFree, freePort } from './ports';
import { LocalRuntimeError } from './runtime-error';
import { LOCAL_OBJECT_BUCKET, type S3Local, startS3Local } from './s3-local';
import { ensureTable } from './table-setup';

export interface LocalSystemOptions {
  /** Gateway port; 0 picks a free one. */
  port: number;
  host?: string;
  /** Data folder (DynamoDB files and keys); omitted: everything in memory, as the tests want. */
  dataDir?: string;
  dynamoPort?: number;
  /** The local S3 server's port; default a free one. */
  s3Port?: number;
  tableName?: string;
  certificatePrefix?: string;
  publicBaseUrl?: string;
  /** The issuing body; default: `<dataDir>/certification-body.json`, else the demonstration identity. */
  certificationBody?: CertificationBody;
  webRoot?: string;
  clock?: () => Date;
  /** The star-mark key ring; default: the local key store under `<dataDir>/keys/` (in memory without a folder). */
  signingKeys?: (store: RegistryStore) => SigningKeyRing | Promise<SigningKeyRing>;
  /** How often the webhooks are fanned out and sent (ms); false: never on its own (tests call runWebhooks). */
  webhookEveryMs?: number | false;
  /** How often the log integrator runs (ms); false: only when `log.integrate()` is called, as crash tests want. */
  logIntegrationEveryMs?: number | false;
  /** How long a status snapshot is served before it is remade; locally 5 s by default (a minute in AWS). */
  statusSnapshotMaxAgeMs?: number;
  /** Anonymous requests a second per client address (RegistryConfig); null: not metered. */
  anonymousRatePerSecond?: number | null;
  /**
   * The staff directory: the development identity provider's users (default), or the staff's own sign-ins kept in
   * the table, as an OIDC deployment's staff function keeps them.
   */
  directory?: 'development' | 'sign-ins';
  /** Days by which an event is reported to the national platform (RegistryConfig); default shared/national-report's. */
  reportingDeadlineDays?: number;
  /** Reports one client address may file an hour (RegistryConfig); null: not limited. */
  reportsPerClientPerHour?: number | null;
}

/** The transparency log of a local system: its published files (served at /log/), key and integrator. */
export interface LocalLog {
  objects: LogObjects;
  key: LogKey;
  integrate(): Promise<IntegrationResult>;
}

/** A new checkpoint follows any growth of the log within this long, locally (in AWS: a minute, the schedule's). */
export const LOCAL_LOG_INTEGRATION_MS = 1000;

export interface LocalSystem {
  url: string;
  deps: Deps;
  identity: DevIdentityProvider;
  dynamo: DynamoDbLocal;
  log: LocalLog;
  /** The local S3 server holding the registry's objects (under `<dataDir>/objects/` on disk). */
  s3: S3Local;
  stop(): Promise<void>;
}

/**
 * Starts a server on a port found free, and on another when a parallel process took that one between the probe and
 * the bind (tests start many systems at once).
 */
async function onAFreePort<T>(start: (port: number) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await freePort());
    } catch (error) {
      const taken = error instanceof LocalRuntimeError && /Address already in use/.test(error.message);
      if (!taken || attempt >= attempts) throw error;
    }
  }
}

export async function startLocalSystem(options: LocalSystemOptions): Promise<LocalSystem> {
  const host = options.host ?? '127.0.0.1';
  // First the folder: a second start on a folder in use must refuse before it touches anything.
  const lock = options.dataDir ? await lockDataFolder(options.dataDir, 'a starmark system') : undefined;
  let dynamo: DynamoDbLocal | undefined;
  let s3: S3Local | undefined;
  try {
    if (options.port) await assertPortFree(options.port, 'starmark gateway', host);
    const onDisk = lock ? { onDisk: { dir: join(lock.dataDir, 'dynamodb'), lock } } : {};
    dynamo = options.dynamoPort
      ? await startDynamoDbLocal({ port: options.dynamoPort, ...onDisk })
      : await onAFreePort((port) => startDynamoDbLocal({ port, ...onDisk }));
    s3 = await startS3Local({
      port: options.s3Port ?? (await freePort()),
      bucket: LOCAL_OBJECT_BUCKET,
      ...(lock ? { dir: join(lock.dataDir, 'objects') } : {}),
    });
    const tableName = options.tableName ?? 'starmark';
    await ensureTable(new DynamoDBClient({ endpoint: dynamo.endpoint, ...LOCAL_AWS }), tableName);
    const clock = options.clock ?? (() => new Date());
    const store = withTransparencyLog(
      new DynamoRegistryStore(
        withDurableTransactions(documentClient({ endpoint: dynamo.endpoint, ...LOCAL_AWS }), tableName),
        tableName,
      ),
      clock,
    );
    const identity = await DevIdentityProvider.open(options.dataDir);
    const keysDir = options.dataDir ? join(options.dataDir, 'keys') : undefined;
    const signingKeys = options.signingKeys
      ? await options.signingKeys(store)
      : await LocalKeyRing.open(keysDir, options.clock?.());
    // Receipts: the local key store under `<dataDir>/keys/receipt/` (in memory without a folder).
    const receiptKeys = await LocalKeyRing.open(keysDir, options.clock?.(), 'receipt');
    // The status snapshot's own key, `<dataDir>/keys/status/`.
    const statusKeys = await LocalKeyRing.open(keysDir, options.clock?.(), 'status');
    // Idle keep-alive sockets outlive every client's own idle timeout (undici's is 4 s), so a client never reuses a
    // socket the gateway is closing at that instant: that race surfaces as ECONNRESET on a loaded machine.
    // The port is taken before the gateway exists (a port of 0 names the URL the gateway is built with). Until then
    // a request gets a 503 at once: an http.Server with no listener would hold it open, unanswered, for ever.
    let answer: RequestListener = (_req, res) => sendResult(res, problemResponse(new DomainError('UNAVAILABLE')));
    const server = createServer((req, res) => answer(req, res));
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
    const logObjects = logObjectsOn(s3.objects);
    const logKey = openLocalLogKey(keysDir, logOriginFor(options.publicBaseUrl ?? url));
    const log: LocalLog = {
      objects: logObjects,
      key: logKey,
      integrate: () => integrateLog({ store, objects: logObjects, ...logKey, clock }),
    };
    // Sign-ins mode is an OIDC deployment's: staff kept as they sign in, holders' addresses as their tokens give them.
    const signIns = options.directory === 'sign-ins' ? new SignInDirectory(store, clock) : undefined;
    const signInAddresses = signIns ? new SignInAddresses(store, clock) : undefined;
    const deps: Deps = {
      store,
      clock,
      config: {
        certificatePrefix: options.certificatePrefix ?? 'SM',
        publicBaseUrl: options.publicBaseUrl ?? url,
        certificationBody: options.certificationBody ?? loadLocalCertificationBody({ dataDir: options.dataDir }).body,
        statusSnapshotMaxAgeMs: options.statusSnapshotMaxAgeMs ?? 5_000,
        ...(options.reportingDeadlineDays !== undefined
          ? { reportingDeadlineDays: options.reportingDeadlineDays }
          : {}),
        ...(options.anonymousRatePerSecond !== undefined
          ? { anonymousRatePerSecond: options.anonymousRatePerSecond }
          : {}),
        // The receivers of a laptop (a tender platform under development, the tests') listen on this machine.
        webhookLoopback: true,
        ...(options.reportsPerClientPerHour !== undefined
          ? { reportsPerClientPerHour: options.reportsPerClientPerHour }
          : {}),
      },
      starMarks: new StarMarkTokens(signingKeys),
      signingKeys,
      receiptKeys,
      statusKeys,
      objects: s3.objects,
      directory: signIns ?? devDirectory,
      // A holder's notices go to the address the dev identity provider gives them (and so to the outbox).
      holderAddresses: signInAddresses ?? devDirectory,
      documents: s3.documents,
      // Nothing leaves the machine: notices decided in a request go to the outbox at once.
      notifier: new OutboxNotifier(),
    };
    const hosts = allowedHosts({ host, port: address.port, publicBaseUrl: deps.config.publicBaseUrl });
    await s3.allowDocumentOrigins(
      [...hosts].map((h) => `http://${h}`).concat(new URL(deps.config.publicBaseUrl).origin),
    );
    const depsPromise = () => Promise.resolve(deps);
    answer = gatewayListener({
      handlers: {
        public: createApiHandler('public', publicFunction, depsPromise),
        staff: recordingSignIns(createApiHandler('staff', staffFunction, depsPromise), async () =>
          signIns && signInAddresses ? allOf(signIns, signInAddresses) : undefined,
        ),
      },
      identity,
      allowedHosts: hosts,
      webRoot: options.webRoot,
      connectSources: [s3.endpoint],
      objects: s3.objects,
      extra: async (req, res, url, body) =>
        (await deploymentFiles(deps)(req, res, url)) || devLoginEndpoints(identity)(req, res, url, body),
    });
    lock?.announce({
      url,
      dynamoEndpoint: dynamo.endpoint,
      s3Endpoint: s3.endpoint,
      tableName,
      certificatePrefix: deps.config.certificatePrefix,
    });
    const running = { dynamo, s3 };
    const integration = startLogIntegration(log, options.logIntegrationEveryMs ?? LOCAL_LOG_INTEGRATION_MS);
    const webhooks = startWebhookTimer(deps, options.webhookEveryMs ?? LOCAL_WEBHOOK_MS);
    return {
      url,
      deps,
      identity,
      dynamo,
      log,
      s3,
      stop: async () => {
        await integration.stop();
        await webhooks.stop();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections?.();
        await running.s3.stop();
        await running.dynamo.stop();
        lock?.release();
      },
    };
  } catch (error) {
    await s3?.stop();
    await dynamo?.stop();
    lock?.release();
    throw error;
  }
}

/** Locally the webhooks run on their own timer, every two seconds: in AWS a scheduled function does it. */
const LOCAL_WEBHOOK_MS = 2_000;

function startWebhookTimer(deps: Deps, everyMs: number | false): { stop(): Promise<void> } {
  if (everyMs === false) return { stop: async () => undefined };
  const sender = httpSender({ allowLoopback: deps.config.webhookLoopback === true });
  return repeating('webhooks', everyMs, () => runWebhooks(deps, sender));
}

/** Runs the integrator on a timer, never two rounds at once; a failed round is logged and the next one retries. */
function startLogIntegration(log: LocalLog, everyMs: number | false): { stop(): Promise<void> } {
  return repeating('log integration', everyMs, () => log.integrate());
}

/** A job on a timer, never two rounds at once; a failed round is logged and the next one retries. */
function repeating(name: string, everyMs: number | false, round: () => Promise<unknown>): { stop(): Promise<void> } {
  if (everyMs === false) return { stop: async () => undefined };
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = round()
      .catch((error: unknown) =>
        process.stderr.write(`${name} failed: ${String((error as Error)?.message ?? error)}\n`),
      )
      .finally(() => (running = null));
  }, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
