import { createRemoteJWKSet, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { type Caller, type Role, ROLES, UnauthenticatedError } from '../graphql';

/**
 * Bearer tokens (JWT). The gateway verifies each token and passes it on; every subgraph verifies
 * it again and applies its own rules, since a subgraph must not trust that the gateway did.
 *
 * Development uses HS256 with a shared secret (DEVELOPMENT_JWT_SECRET unless JWT_SECRET is set);
 * production points JWKS_URL at the identity provider's keys.
 * Claims: `sub`, `roles` (viewer, cluster-manager, caseworker, admin), `agency`, `cluster_id`.
 */
export const DEVELOPMENT_JWT_SECRET = 'klynge-development-secret: never use in production';
export const TOKEN_ISSUER = 'klynge';
export const TOKEN_AUDIENCE = 'klynge-graph';

export interface TokenSettings {
  readonly secret?: string | undefined;
  readonly jwksUrl?: string | undefined;
}

export type TokenVerifier = (token: string) => Promise<Caller>;

export function tokenVerifier(settings: TokenSettings): TokenVerifier {
  const key = settings.jwksUrl
    ? createRemoteJWKSet(new URL(settings.jwksUrl))
    : new TextEncoder().encode(settings.secret ?? DEVELOPMENT_JWT_SECRET);
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE }));
    } catch (error) {
      throw new UnauthenticatedError(`The token is not valid: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (typeof payload.sub !== 'string') throw new UnauthenticatedError('The token names no subject');
    const roles = (Array.isArray(payload.roles) ? payload.roles : []).filter((role): role is Role => ROLES.includes(role as Role));
    return {
      subject: payload.sub,
      roles,
      ...(typeof payload.agency === 'string' ? { agency: payload.agency } : {}),
      ...(typeof payload.cluster_id === 'string' ? { clusterId: payload.cluster_id } : {}),
    };
  };
}

/** Who the request's `Authorization: Bearer` token says; undefined without one. */
export function bearerAuthenticator(verify: TokenVerifier) {
  return async (request: { header(name: string): string | undefined }): Promise<Caller | undefined> => {
    const authorization = request.header('authorization');
    if (!authorization) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
    return verify(match[1]!);
  };
}

/** A token for development and tests, signed with the shared secret. */
export function signToken(caller: Caller, options: { secret?: string; expiresIn?: string } = {}): Promise<string> {
  return new SignJWT({
    roles: [...caller.roles],
    ...(caller.agency ? { agency: caller.agency } : {}),
    ...(caller.clusterId ? { cluster_id: caller.clusterId } : {}),
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
