import { Type, type Static, type TObject, type TProperties, type TSchema } from 'typebox';
import type { FastifyContextConfig, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Table } from '../domain/csv.js';
import { ExportFile, ExportQuery, sendTable } from './export.js';
import { IdParams, Items, problems } from './schemas.js';

/**
 * The kinds of route most route groups have, each declared once: a short list, one thing by its
 * id, removing one thing, a table's export. A route of its own kind is declared with Fastify directly.
 */

type App = Parameters<FastifyPluginAsyncTypebox>[0];

/** How the API reference presents a route, the refusals it lists, and its options. */
export interface RouteDoc {
  tags: string[];
  summary: string;
  problems: number[];
  config?: FastifyContextConfig;
}

const optionsOf = (doc: RouteDoc, schema: object) => ({
  ...(doc.config ? { config: doc.config } : {}),
  schema: { tags: doc.tags, summary: doc.summary, ...schema },
});
const idOf = (request: FastifyRequest) => (request.params as Static<typeof IdParams>).id;

/** GET `url`: a short list, whole. */
export function listRoute<T extends TSchema>(
  app: App,
  url: string,
  item: T,
  doc: RouteDoc,
  list: (request: FastifyRequest) => Promise<{ items: Static<T>[] }>,
) {
  app.get(url, optionsOf(doc, { response: { 200: Items(item), ...problems(...doc.problems) } }), list);
}

/** GET reads, POST acts on, the one thing named by the id in `url`; either answers it. */
export function oneRoute<T extends TSchema>(
  app: App,
  method: 'GET' | 'POST',
  url: string,
  answer: T,
  doc: RouteDoc,
  run: (request: FastifyRequest, id: string) => Promise<Static<T>>,
) {
  app.route({
    method,
    url,
    ...optionsOf(doc, { params: IdParams, response: { 200: answer, ...problems(...doc.problems) } }),
    handler: (request) => run(request, idOf(request)),
  });
}

/** DELETE `url`: removes (or revokes) the thing named by its id, then 204 No Content. */
export function removeRoute(
  app: App,
  url: string,
  doc: RouteDoc,
  remove: (request: FastifyRequest, id: string) => Promise<unknown>,
) {
  app.delete(
    url,
    optionsOf(doc, { params: IdParams, response: { 204: Type.Null(), ...problems(...doc.problems) } }),
    async (request, reply: FastifyReply) => {
      await remove(request, idOf(request));
      return reply.code(204).send(null);
    },
  );
}

/**
 * GET `url`: a table as a file (CSV, or XLSX with format=xlsx) in the reader's language, narrowed
 * by the `filters` of its query; `id` is the one in `url`, where it has one.
 */
export function exportRoute<F extends TProperties>(
  app: App,
  url: string,
  filters: F,
  doc: RouteDoc,
  table: (request: FastifyRequest, filters: Static<TObject<F>>, id: string) => Promise<Table>,
) {
  const params = url.includes('/:id') ? { params: IdParams } : {};
  const querystring = Type.Object({ ...filters, ...ExportQuery });
  app.get(
    url,
    optionsOf(doc, { ...params, querystring, response: { 200: ExportFile, ...problems(...doc.problems) } }),
    async (request, reply) => {
      const { format, lang, ...filtered } = request.query as Static<TObject<typeof ExportQuery>>;
      const file = await table(request, filtered as Static<TObject<F>>, idOf(request));
      return sendTable(reply, file, { format, lang }, request.headers['accept-language']);
    },
  );
}
