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
// Who a token names: the gateway reads the caller from a token without the rest of ../graphql.
export { type Caller, type Role, ROLES } from '../graphql/caller';
export { RUNTIME_MODES, type RuntimeMode } from './runtime-mode';
export { MIN_SECRET_BYTES, tokenConfigProblems, tokenSettings, tokenVariables } from './token-config';
