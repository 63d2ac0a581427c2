export {
  bearerAuthenticator,
  DEVELOPMENT_JWT_SECRET,
  signToken,
  SUBGRAPH_SECRET_HEADER,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  tokenVerifier,
  type TokenSettings,
  type TokenVerifier,
} from './tokens';
