import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository's infra/ folder, found by walking up from this package. (Not a dependency on
 * the @klynge/infra workspace: that one depends on the services, which depend on this.)
 */
export const infraDir = findInfraDir(__dirname);

function findInfraDir(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'infra');
    if (existsSync(path.join(candidate, 'up.sh'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`No infra/up.sh above ${from}`);
  }
}

/** The Apache Kafka version the scripts run (and docker-compose.yml's image). */
export const kafkaVersion = readFileSync(path.join(infraDir, 'kafka', 'kafka.version'), 'utf8').trim();

/** Runs one of the infra/ scripts; its messages go to this process's stderr. */
export function runInfraScript(script: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn('bash', [path.join(infraDir, script), ...args], {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`infra/${script} ${args.join(' ')} exited with code ${code}`));
    });
  });
}

/**
 * What one of the infra/ scripts prints (a path, say), run to its end; when it fails, the error
 * says what the script said on stderr (why, and what to do).
 */
export function infraScriptOutput(script: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  try {
    return execFileSync('bash', [path.join(infraDir, script), ...args], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch (error) {
    const said = (error as { stderr?: string }).stderr?.trim();
    throw new Error(said ? `infra/${script} ${args.join(' ')}: ${said}` : String(error), { cause: error });
  }
}
