'use strict';

/**
 * How tests compile TypeScript: legacy decorators with their metadata (type-graphql and TypeORM
 * read it) and [[Set]] class fields, matching tsconfig's experimentalDecorators,
 * emitDecoratorMetadata and useDefineForClassFields: false.
 */
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
