import ValidatorSelector from '@fastify/ajv-compiler';
import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type Validate = ((data: unknown, ctx?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown };
type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type Factory<F> = (externalSchemas: unknown, options: unknown) => (route: unknown) => F;

/**
 * Fastify's own compilers (Ajv and fast-json-stringify), but each route's schema is compiled on
 * its first request instead of at start: compiling them all took most of the start's CPU (about
 * 3 s on a loaded 2-core machine), and a request pays only for its own route, once.
 */
export function lazySchemaCompilers(): CompilersFactory {
  const validators = ValidatorSelector() as unknown as Factory<Validate>;
  const serializers = SerializerSelector() as unknown as Factory<(data: unknown) => string>;
  // a plugin's compiler (an Ajv instance with the shared schemas added) is made at its first use too
  const buildValidator: Factory<Validate> = (externalSchemas, options) => {
    let compile: ((route: unknown) => Validate) | undefined;
    return (route) => lazyValidator(() => (compile ??= validators(externalSchemas, options))(route));
  };
  const buildSerializer: Factory<(data: unknown) => string> = (externalSchemas, options) => {
    let compile: ((route: unknown) => (data: unknown) => string) | undefined;
    return (route) => {
      let serialize: ((data: unknown) => string) | undefined;
      return (data) => (serialize ??= (compile ??= serializers(externalSchemas, options))(route))(data);
    };
  };
  return { buildValidator, buildSerializer } as never;
}

/**
 * Fastify reads `schemaEnv` before it validates (to let Ajv coerce the root value) and `errors`
 * after: both are the compiled function's, the first read compiling it.
 */
function lazyValidator(compile: () => Validate): Validate {
  let compiled: Validate | undefined;
  const get = () => (compiled ??= compile());
  const validate: Validate = (data, ctx) => get()(data, ctx);
  return Object.defineProperties(validate, {
    errors: { get: () => get().errors },
    schemaEnv: { get: () => get().schemaEnv },
  });
}
