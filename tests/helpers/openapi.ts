import { send } from './app.js';

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/subscriptions/{id} */
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyProperties: string[];
  hasBody: boolean;
}

/** Every operation of the served OpenAPI document: tests over "every route" read them from here. */
export async function operationsOf(baseUrl: string): Promise<Operation[]> {
  const doc = (await send(`${baseUrl}/api/openapi.json`, 'GET')).body as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { name: string; in: string }[];
          requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
        }
      >
    >;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const params = op.parameters ?? [];
      const schema = Object.values(op.requestBody?.content ?? {})[0]?.schema;
      return {
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        bodyProperties: Object.keys(schema?.properties ?? {}),
        hasBody: Boolean(op.requestBody),
      };
    }),
  );
}

export const fillPath = (path: string, values: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '00000000-0000-4000-8000-000000000000');
