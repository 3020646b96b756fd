import type { components, paths } from './schema';

// The web app's view of the API, derived from the types generated from /api/openapi.json
// (`npm run api-types`), so that a changed route schema shows up here as a compile error.

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** The JSON a path's operation answers on success (200 or 201). */
export type Answer<P extends keyof paths, M extends Method = 'get'> = paths[P][M] extends { responses: infer R }
  ? Json<R[Extract<keyof R, 200 | 201>]>
  : never;

/** The JSON body a path's operation takes. */
export type Body<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;

/** An item of a list answer ({ items: [...] }). */
export type Item<P extends keyof paths, M extends Method = 'get'> =
  Answer<P, M> extends { items: (infer T)[] } ? T : never;

export type Schemas = components['schemas'];
