export { jsonErrors, notFound, securityHeaders } from './hardening';
export { apolloLogger, withoutSuggestions } from './apollo-hardening';
