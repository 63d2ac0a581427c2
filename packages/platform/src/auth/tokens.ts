import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify, SignJWT } from 'jose';
// The files, not the graphql barrel: that one loads type-graphql and the subgraph schema builder,
// which a process that only checks tokens (the gateway) has no use for.
import { type Caller, type Role, ROLES } from '../graphql/caller';
import { UnauthenticatedError } from '../graphql/errors';
import type { RuntimeMode } from './runtime-mode';

/**
 * Bearer tokens (JWT). The gateway verifies each token and passes it on; every subgraph verifies
 * it again and applies its own rules, since a subgraph must not trust that the gateway did.
 *
 * Development uses HS256 with a shared secret (DEVELOPMENT_JWT_SECRET unless JWT_SECRET is set);
 * production needs JWT_SECRET or JWKS_URL, the identity provider's keys (see token-config.ts).
 * Claims: `sub`, `roles` (viewer, cluster-manager, caseworker, staff, admin), `agency`, `cluster_id`,
 * `unit` (the unit a staff member works for).
 */
export const DEVELOPMENT_JWT_SECRET = 'klynge-development-secret: never use in production';
export const TOKEN_ISSUER = 'klynge';
export const TOKEN_AUDIENCE = 'klynge-graph';

/** HS256 for a shared secret; an identity provider's keys sign with one of these. */
const SECRET_ALGORITHMS = ['HS256'];
const KEY_SET_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const DEFAULT_MAX_LIFETIME_MINUTES = 12 * 60;

export interface TokenSettings {
  readonly secret?: string | undefined;
  /**
   * While JWT_SECRET is being rotated: the secret it replaces, still accepted (never signed with),
   * so that processes with the new secret and processes not yet restarted take the same tokens.
   */
  readonly previousSecret?: string | undefined;
  readonly jwksUrl?: string | undefined;
  /** Production never falls back to the development secret, nor accepts it. */
  readonly mode?: RuntimeMode | undefined;
  /** Longest a token may be valid, from `iat` to `exp` (default 12 hours). */
  readonly maxLifetimeMinutes?: number | undefined;
}

export type TokenVerifier = (token: string) => Promise<Caller>;

/**
 * Verifies a bearer token: signed by the configured key with the algorithm pinned for it (so a
 * token cannot choose `none`, HS512 or a public key as an HMAC secret), issued by Klynge for the
 * graph, with `sub`, `iat` and `exp`, and valid for no longer than the maximum lifetime.
 */
export function tokenVerifier(settings: TokenSettings): TokenVerifier {
  const production = settings.mode === 'production';
  if (production && !settings.jwksUrl && (!settings.secret || settings.secret === DEVELOPMENT_JWT_SECRET)) {
    throw new Error('Production needs JWT_SECRET (not the development secret) or JWKS_URL to verify tokens');
  }
  if (settings.previousSecret !== undefined && (settings.jwksUrl || !settings.secret)) {
    throw new Error('JWT_SECRET_PREVIOUS is only for rotating JWT_SECRET: set it beside JWT_SECRET, not beside JWKS_URL');
  }
  if (production && settings.previousSecret === DEVELOPMENT_JWT_SECRET) {
    throw new Error('Production must not accept the development secret, not even as JWT_SECRET_PREVIOUS');
  }
  const encode = (secret: string) => new TextEncoder().encode(secret);
  // The current key first: once a rotation is over, the previous one is tried only for tokens the
  // current one refused for their signature.
  const keys = settings.jwksUrl
    ? [createRemoteJWKSet(new URL(settings.jwksUrl))]
    : [encode(settings.secret ?? DEVELOPMENT_JWT_SECRET), ...(settings.previousSecret ? [encode(settings.previousSecret)] : [])];
  const algorithms = settings.jwksUrl ? KEY_SET_ALGORITHMS : SECRET_ALGORITHMS;
  const maxLifetimeSeconds = (settings.maxLifetimeMinutes ?? DEFAULT_MAX_LIFETIME_MINUTES) * 60;
  const options = {
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    algorithms,
    requiredClaims: ['sub', 'iat', 'exp'],
    maxTokenAge: maxLifetimeSeconds,
  };
  const verifyWith = async (token: string, index: number): Promise<JWTPayload> => {
    try {
      return (await jwtVerify(token, keys[index] as Parameters<typeof jwtVerify>[1], options)).payload;
    } catch (error) {
      if (error instanceof errors.JWSSignatureVerificationFailed && index + 1 < keys.length) return verifyWith(token, index + 1);
      throw error;
    }
  };
  return async (token) => {
    let payload: JWTPayload;
    try {
      payload = await verifyWith(token, 0);
    } catch (error) {
      throw new UnauthenticatedError(`The token is not valid: ${error instanceof Error ? error.message : String(error)}`);
    }
    // jose's requiredClaims takes an empty `sub` as present; a caller nobody can name is no caller.
    if (typeof payload.sub !== 'string' || payload.sub.trim() === '') throw new UnauthenticatedError('The token names no subject');
    if (payload.exp! - payload.iat! > maxLifetimeSeconds) {
      throw new UnauthenticatedError(`The token is valid for longer than the ${maxLifetimeSeconds / 60} minutes allowed`);
    }
    const roles = (Array.isArray(payload.roles) ? payload.roles : []).filter((role): role is Role => ROLES.includes(role as Role));
    return {
      subject: payload.sub,
      roles,
      ...(typeof payload.agency === 'string' ? { agency: payload.agency } : {}),
      ...(typeof payload.cluster_id === 'string' ? { clusterId: payload.cluster_id } : {}),
      ...(typeof payload.unit === 'string' ? { unit: payload.unit } : {}),
    };
  };
}

/** Who the request's `Authorization: Bearer` token says; undefined without one. */
export function bearerAuthenticator(verify: TokenVerifier) {
  return async (request: { header(name: string): string | undefined }): Promise<Caller | undefined> => {
    const authorization = request.header('authorization');
    if (!authorization) return undefined;
    // One spelling per token: three base64url parts and nothing else (a lenient decoder would
    // take trailing junk, so one token would have many accepted spellings).
    const match = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i.exec(authorization);
    if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>", the token a JWT');
    return verify(match[1]!);
  };
}

/** A token for development and tests, signed with the shared secret. */
export function signToken(caller: Caller, options: { secret?: string; expiresIn?: string } = {}): Promise<string> {
  return new SignJWT({
    roles: [...caller.roles],
    ...(caller.agency ? { agency: caller.agency } : {}),
    ...(caller.clusterId ? { cluster_id: caller.clusterId } : {}),
    ...(caller.unit ? { unit: caller.unit } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(caller.subject)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(options.secret ?? DEVELOPMENT_JWT_SECRET));
}

/** The header the gateway proves itself with to a subgraph. */
export const SUBGRAPH_SECRET_HEADER = 'x-klynge-subgraph-secret';
