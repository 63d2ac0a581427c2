import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, Kind, print } from 'graphql';

/** An operation as codegen writes it (src/gql/): typed, with its registered hash (`sha256:<hex>`). */
export type Operation<Result, Variables> = TypedDocumentNode<Result, Variables> & { readonly __meta__?: { readonly hash?: string } };

/** The operation's name, from its document (`query SupportByYear { ... }`). */
export function operationName(document: DocumentNode): string {
  for (const definition of document.definitions)
    if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) return definition.name.value;
  throw new Error('Every dashboard operation is named');
}

/** The operation's text, as a reader of "Source query" sees it. */
export const operationText = (document: DocumentNode): string => print(document);

/** The Conversion Engine's funding programme at Innovasjon Norge (Omstillingsmotoren, 2017): its competence programmes are funded under it. */
export const CONVERSION_ENGINE = 'OMSTILLINGSMOTOREN';
