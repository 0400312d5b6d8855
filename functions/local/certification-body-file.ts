/**
 * The local system's certification body: `--body <file>` when given, else `<data>/certification-body.json` when the
 * data folder has one, else the demonstration identity. A file that is there but wrong stops the start.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  CERTIFICATION_BODY_FILE,
  type CertificationBody,
  certificationBodyFromJson,
  DEMO_CERTIFICATION_BODY,
} from '../../shared/certification-body';
import { LocalRuntimeError } from './runtime-error';

export interface LocalBodySource {
  body: CertificationBody;
  /** Where it came from, for the start banner. */
  from: string;
}

export function loadLocalCertificationBody(options: { file?: string; dataDir?: string }): LocalBodySource {
  const file = options.file
    ? resolve(options.file)
    : options.dataDir && existsSync(join(options.dataDir, CERTIFICATION_BODY_FILE))
      ? join(options.dataDir, CERTIFICATION_BODY_FILE)
      : undefined;
  if (!file) return { body: DEMO_CERTIFICATION_BODY, from: 'the demonstration identity (fictional)' };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new LocalRuntimeError(`cannot read the certification body file ${file}`);
  }
  try {
    return { body: certificationBodyFromJson(text, file), from: file };
  } catch (error) {
    throw new LocalRuntimeError((error as Error).message);
  }
}
