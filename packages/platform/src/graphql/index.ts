export {
  BadUserInputError,
  ConflictError,
  ErrorCode,
  ForbiddenError,
  NotFoundError,
  ServiceUnavailableError,
  UnauthenticatedError,
} from './errors';
export { type Caller, hasRole, type Ownership, requireCaller, requireOwner, requireRole, type Role, ROLES } from './caller';
export {
  dateWithin,
  emailAddress,
  isGiven,
  isoDate,
  isoDateTime,
  isUuid,
  norwegianDate,
  optionalIsoDate,
  optionalText,
  requiredText,
  webAddress,
  wholeAmount,
  year,
  yearRange,
  MAX_YEAR_SPAN,
} from './input-checks';
export { checkOperationInput, DEFAULT_INPUT_LIMITS, type InputLimits, Limits } from './operation-input-rules';
export { sourceOf, SourceType } from './source';
export {
  type ConnectionPage,
  connectionOf,
  type CursorPart,
  decodeCursor,
  type Edge,
  encodeCursor,
  MAX_PAGE_SIZE,
  PAGE_ARGUMENTS,
  PageArgs,
  PageInfo,
  pageSize,
  toPage,
} from './pagination';
export { Keyset, type KeysetList, keysetPage } from './keyset-page';
export type { RequestContext } from './request-context';
export { alignByKey, groupByKey, RequestLoaders } from './request-loaders';
export {
  batchedReference,
  buildFederatedSchema,
  FEDERATION_SPEC_URL,
  printSubgraphSdl,
  type ReferenceResolver,
  type SubgraphSchemaOptions,
} from './subgraph-schema';
export { graphqlEnum, type GraphqlEnumOptions } from './graphql-enum';
export { DATE_PRECISIONS, type DatePrecision, DatePrecisionEnum, preciseDateInput } from './date-precision';
export { AgencySupportYearType } from './agency-support-year';
export { MoneyType, nok } from './money';
