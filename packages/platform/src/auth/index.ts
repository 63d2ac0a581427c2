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
export {
  MIN_SECRET_BYTES,
  RUNTIME_MODES,
  type RuntimeMode,
  tokenConfigProblems,
  tokenVariables,
} from './token-config';
