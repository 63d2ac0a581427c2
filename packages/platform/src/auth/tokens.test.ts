import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Caller } from '../graphql';
import { DEVELOPMENT_JWT_SECRET, signToken, TOKEN_AUDIENCE, TOKEN_ISSUER, tokenVerifier } from './tokens';

const SECRET = 'tokens-test: a secret of at least 32 bytes';
const admin: Caller = { subject: 'admin-1', roles: ['admin'] };

/** A token as anyone could make it: every header and claim chosen by the test. */
const forge = (options: { alg?: string; secret?: string; iat?: number | false; exp?: number | false } = {}) => {
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT({ roles: ['admin'] })
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .setSubject('attacker')
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE);
  if (options.iat !== false) jwt = jwt.setIssuedAt(options.iat ?? now);
  if (options.exp !== false) jwt = jwt.setExpirationTime(options.exp ?? now + 600);
  return jwt.sign(new TextEncoder().encode(options.secret ?? SECRET));
};

const refusal = async (verify: (token: string) => Promise<Caller>, token: string) => {
  try {
    await verify(token);
    return 'accepted';
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('bearer tokens', () => {
  const verify = tokenVerifier({ secret: SECRET, mode: 'production', maxLifetimeMinutes: 60 });

  it('accepts a token signed with the secret, and says who it is', async () => {
    expect(await verify(await signToken(admin, { secret: SECRET, expiresIn: '30m' }))).toEqual(admin);
    const staff: Caller = { subject: 'staff-1', roles: ['staff'], unit: 'catapult-centre:c1' };
    expect(await verify(await signToken(staff, { secret: SECRET, expiresIn: '30m' }))).toEqual(staff);
  });

  it('pins the algorithm: HS512 with the right secret is refused', async () => {
    expect(await refusal(verify, await forge({ alg: 'HS512' }))).toBe('UNAUTHENTICATED');
    expect(await refusal(verify, await forge())).toBe('accepted');
  });

  it('requires exp and iat, and a lifetime no longer than allowed', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await refusal(verify, await forge({ exp: false }))).toBe('UNAUTHENTICATED');
    expect(await refusal(verify, await forge({ iat: false }))).toBe('UNAUTHENTICATED');
    expect(await refusal(verify, await forge({ exp: now + 61 * 60 }))).toBe('UNAUTHENTICATED');
    expect(await refusal(verify, await forge({ exp: now - 1 }))).toBe('UNAUTHENTICATED');
  });

  it('takes tokens signed with the previous secret while JWT_SECRET is rotated, and signs none with it', async () => {
    const next = 'tokens-test: the next secret, also 32 bytes';
    const rotating = tokenVerifier({ secret: next, previousSecret: SECRET, mode: 'production', maxLifetimeMinutes: 60 });
    const signedBefore = await signToken(admin, { secret: SECRET, expiresIn: '30m' });
    const signedAfter = await signToken(admin, { secret: next, expiresIn: '30m' });
    expect(await rotating(signedBefore)).toEqual(admin);
    expect(await rotating(signedAfter)).toEqual(admin);
    // The previous secret is a second key for the signature only: every other rule still holds.
    expect(await refusal(rotating, await forge({ alg: 'HS512' }))).toBe('UNAUTHENTICATED');
    expect(await refusal(rotating, await forge({ exp: Math.floor(Date.now() / 1000) - 1 }))).toBe('UNAUTHENTICATED');
    expect(await refusal(rotating, await forge({ secret: 'tokens-test: a third secret, 32 bytes long' }))).toBe('UNAUTHENTICATED');
    // Once the rotation is over (no previous secret), the old tokens are refused.
    const rotated = tokenVerifier({ secret: next, mode: 'production', maxLifetimeMinutes: 60 });
    expect(await refusal(rotated, signedBefore)).toBe('UNAUTHENTICATED');
    expect(await rotated(signedAfter)).toEqual(admin);
    expect(() => tokenVerifier({ secret: next, previousSecret: DEVELOPMENT_JWT_SECRET, mode: 'production' })).toThrow(/development secret/);
    expect(() => tokenVerifier({ jwksUrl: 'https://login.example.no/jwks.json', previousSecret: SECRET })).toThrow(/JWT_SECRET_PREVIOUS/);
  });

  it('in production never falls back to the development secret, nor accepts it', async () => {
    expect(() => tokenVerifier({ mode: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => tokenVerifier({ secret: DEVELOPMENT_JWT_SECRET, mode: 'production' })).toThrow(/JWT_SECRET/);
    expect(await refusal(verify, await signToken(admin))).toBe('UNAUTHENTICATED');
    // Development still signs and checks with it, so `npm run token` works there.
    expect(await tokenVerifier({ mode: 'development' })(await signToken(admin))).toEqual(admin);
  });

  it("with an identity provider's keys, takes only asymmetric algorithms", async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), alg: 'ES256', kid: 'key-1' };
    const server = createServer((_request, response) =>
      response.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const viaKeys = tokenVerifier({ jwksUrl: `http://127.0.0.1:${port}/jwks.json`, mode: 'production' });
      const signed = await new SignJWT({ roles: ['viewer'] })
        .setProtectedHeader({ alg: 'ES256', kid: 'key-1' })
        .setSubject('viewer-1')
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey);
      expect(await viaKeys(signed)).toEqual({ subject: 'viewer-1', roles: ['viewer'] });
      // An HMAC token keyed with anything (even the public key's text) is not taken.
      expect(await refusal(viaKeys, await forge({ secret: JSON.stringify(jwk) }))).toBe('UNAUTHENTICATED');
    } finally {
      server.close();
    }
  });

  it("takes tokens signed with either key while the identity provider publishes both: a key rotation's overlap (docs/operations.md)", async () => {
    const keys = await Promise.all(
      ['key-1', 'key-2'].map(async (kid) => {
        const { publicKey, privateKey } = await generateKeyPair('ES256');
        return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), alg: 'ES256', kid } };
      }),
    );
    const server = createServer((_request, response) =>
      response.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: keys.map((key) => key.jwk) })),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const viaKeys = tokenVerifier({ jwksUrl: `http://127.0.0.1:${port}/jwks.json`, mode: 'production' });
      for (const { kid, privateKey } of keys) {
        const signed = await new SignJWT({ roles: ['viewer'] })
          .setProtectedHeader({ alg: 'ES256', kid })
          .setSubject(`viewer-of-${kid}`)
          .setIssuer(TOKEN_ISSUER)
          .setAudience(TOKEN_AUDIENCE)
          .setIssuedAt()
          .setExpirationTime('10m')
          .sign(privateKey);
        expect(await viaKeys(signed)).toEqual({ subject: `viewer-of-${kid}`, roles: ['viewer'] });
      }
    } finally {
      server.close();
    }
  });
});
