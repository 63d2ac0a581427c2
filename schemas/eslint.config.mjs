// Every subgraph SDL (`<subgraph>.graphql`, written by `npm run sdl` from the type-graphql sources)
// must describe each type, field, argument, input field and enum value it defines: partners read
// the contract from these descriptions. The supergraph is composed from the subgraphs, so it is
// checked through them; the registered operations are clients' documents, not contracts.
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

export default [
  { ignores: ['supergraph.graphql', 'operations/', 'events/'] },
  {
    files: ['*.graphql'],
    languageOptions: { parser: graphqlPlugin.parser },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      '@graphql-eslint/require-description': [
        'error',
        {
          // Object, interface, enum, scalar, input and union types.
          types: true,
          DirectiveDefinition: true,
          // Fields of every type, root fields (Query, Mutation) included.
          FieldDefinition: true,
          // Arguments and input fields.
          InputValueDefinition: true,
          EnumValueDefinition: true,
          // Federation's own definitions, should a subgraph SDL ever spell them out.
          ignoredSelectors: ['[name.value=/^(_Service|_Any|_Entity|_FieldSet|_service|_entities|link__|join__|federation__)/]'],
        },
      ],
    },
  },
];
