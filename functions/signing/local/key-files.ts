/**
 * Where the local key ring keeps its keys: files under `<keysDir>/<folder>/` — `star-mark/` or `receipt/`, one per
 * ring, so the two never share a registry — (the registry, public, and one private
 * JWK per key, readable by the owner only), or memory when the system runs without a data folder, as in tests.
 * Private keys are read here and nowhere else; they are never logged and never served.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JWK } from 'jose';
import type { SigningKeyRecord } from '../../../shared/star-mark';

export interface KeyHistoryEntry {
  at: string;
  action: 'create' | 'rotate' | 'revoke';
  kid: string;
  by: string;
  reason?: string;
}

export interface RegistryFile {
  keys: SigningKeyRecord[];
  history: KeyHistoryEntry[];
}

export interface KeyFiles {
  /** A token that changes whenever the registry does, so a reader can skip re-reading it. */
  revision(): string;
  readRegistry(): RegistryFile | undefined;
  writeRegistry(registry: RegistryFile): void;
  readPrivate(kid: string): JWK | undefined;
  writePrivate(kid: string, jwk: JWK): void;
  deletePrivate(kid: string): void;
}

export class MemoryKeyFiles implements KeyFiles {
  private registry: RegistryFile | undefined;
  private count = 0;
  private readonly secrets = new Map<string, JWK>();
  revision = () => String(this.count);
  readRegistry = () => (this.registry ? structuredClone(this.registry) : undefined);
  writeRegistry(registry: RegistryFile) {
    this.registry = structuredClone(registry);
    this.count++;
  }
  readPrivate = (kid: string) => this.secrets.get(kid);
  writePrivate = (kid: string, jwk: JWK) => void this.secrets.set(kid, jwk);
  deletePrivate = (kid: string) => void this.secrets.delete(kid);
}

export class DiskKeyFiles implements KeyFiles {
  private readonly dir: string;
  constructor(keysDir: string, folder = 'star-mark') {
    this.dir = join(keysDir, folder);
  }

  private get registryFile() {
    return join(this.dir, 'registry.json');
  }

  private privateFile(kid: string) {
    // kid is a base64url thumbprint prefix; checked again here because it becomes part of a path.
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(kid)) throw new Error('bad kid');
    return join(this.dir, `${kid}.private.jwk`);
  }

  /** Written whole and renamed into place: a reader (the running system) never sees half a file. */
  private write(file: string, text: string) {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, text, { mode: 0o600 });
    renameSync(temp, file);
  }

  revision() {
    if (!existsSync(this.registryFile)) return 'none';
    const stat = statSync(this.registryFile);
    return `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
  }

  readRegistry() {
    if (!existsSync(this.registryFile)) return undefined;
    return JSON.parse(readFileSync(this.registryFile, 'utf8')) as RegistryFile;
  }

  writeRegistry(registry: RegistryFile) {
    this.write(this.registryFile, `${JSON.stringify(registry, null, 2)}\n`);
  }

  readPrivate(kid: string) {
    const file = this.privateFile(kid);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as JWK) : undefined;
  }

  writePrivate(kid: string, jwk: JWK) {
    this.write(this.privateFile(kid), JSON.stringify(jwk));
  }

  deletePrivate(kid: string) {
    rmSync(this.privateFile(kid), { force: true });
  }
}
