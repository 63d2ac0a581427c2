import { type ConfigProblem, env } from '../config/define-config';
import { RUNTIME_MODES, type RuntimeMode } from './runtime-mode';
import { DEVELOPMENT_JWT_SECRET, type TokenSettings } from './tokens';

/** The shortest HS256 secret accepted: 256 bits, the size of the HMAC-SHA-256 key. */
export const MIN_SECRET_BYTES = 32;

/** The variables every process that checks bearer tokens reads (the gateway and each subgraph). */
export function tokenVariables() {
  return {
    NODE_ENV: env.oneOf(RUNTIME_MODES, {
      description: 'production refuses to start without a real token key and hides schema details',
      default: 'development',
    }),
    JWT_SECRET: env.string({
      description: `HS256 secret of bearer tokens, at least ${MIN_SECRET_BYTES} bytes (development falls back to a built-in secret)`,
      optional: true,
    }),
    JWT_SECRET_PREVIOUS: env.string({
      description:
        'while JWT_SECRET is rotated: the secret it replaces, still accepted for tokens signed with it (never used to sign); remove it once such tokens have expired',
      optional: true,
    }),
    JWKS_URL: env.url({ description: "the identity provider's signing keys (production)", protocols: ['https:', 'http:'], optional: true }),
    TOKEN_MAX_LIFETIME_MINUTES: env.integer({
      description: 'longest a bearer token may be valid, from its iat to its exp',
      default: 12 * 60,
      min: 1,
      max: 7 * 24 * 60,
    }),
  };
}

interface TokenValues {
  readonly NODE_ENV: RuntimeMode;
  readonly JWT_SECRET: string | undefined;
  readonly JWT_SECRET_PREVIOUS: string | undefined;
  readonly JWKS_URL: string | undefined;
}

/**
 * A production process has a key of its own: JWT_SECRET (long enough, and not the development
 * secret that is in this repository) or JWKS_URL. Without either it would accept tokens anyone
 * can sign with the development secret, so it refuses to start instead.
 */
export function tokenConfigProblems(values: TokenValues): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const secret = values.JWT_SECRET;
  if (secret !== undefined && Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
    problems.push({ variable: 'JWT_SECRET', message: `must be at least ${MIN_SECRET_BYTES} bytes long` });
  }
  const previous = values.JWT_SECRET_PREVIOUS;
  if (previous !== undefined) {
    if (secret === undefined || values.JWKS_URL !== undefined) {
      problems.push({
        variable: 'JWT_SECRET_PREVIOUS',
        message: 'is only for rotating JWT_SECRET: it needs JWT_SECRET beside it, and no JWKS_URL',
      });
    } else if (previous === secret) {
      problems.push({ variable: 'JWT_SECRET_PREVIOUS', message: 'is the same as JWT_SECRET: a rotation needs a new JWT_SECRET' });
    }
    if (Buffer.byteLength(previous) < MIN_SECRET_BYTES) {
      problems.push({ variable: 'JWT_SECRET_PREVIOUS', message: `must be at least ${MIN_SECRET_BYTES} bytes long` });
    }
    if (values.NODE_ENV === 'production' && previous === DEVELOPMENT_JWT_SECRET) {
      problems.push({ variable: 'JWT_SECRET_PREVIOUS', message: 'must not be the development secret in production' });
    }
  }
  if (values.NODE_ENV === 'production') {
    if (secret === undefined && values.JWKS_URL === undefined) {
      problems.push({ variable: 'JWT_SECRET', message: 'or JWKS_URL is required in production (tokens need a key of your own)' });
    }
    if (secret === DEVELOPMENT_JWT_SECRET) {
      problems.push({ variable: 'JWT_SECRET', message: 'must not be the development secret in production' });
    }
  }
  return problems;
}

/** How a process that read tokenVariables() verifies tokens: the gateway and every subgraph alike. */
export function tokenSettings(values: TokenValues & { readonly TOKEN_MAX_LIFETIME_MINUTES: number }): TokenSettings {
  return {
    secret: values.JWT_SECRET,
    previousSecret: values.JWT_SECRET_PREVIOUS,
    jwksUrl: values.JWKS_URL,
    mode: values.NODE_ENV,
    maxLifetimeMinutes: values.TOKEN_MAX_LIFETIME_MINUTES,
  };
}
