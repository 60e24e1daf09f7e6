import openapiTS, { astToString } from 'openapi-typescript';

/** The `paths`, `components` and `operations` types openapi-fetch needs, from openapi-typescript. */
export async function emitPathsTypes(document: object): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: false, emptyObjectsUnknown: true });
  return astToString(ast);
}
