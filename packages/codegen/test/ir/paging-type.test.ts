// One paging type: `@webex-ts/paginate`'s `PagingConfig`. The generator cannot import it (it depends on no runtime
// package), so it reads `x-sdk-paging` as `SdkPagingConfig`; these checks keep the two one shape, and fail `tsc` (the
// codegen typecheck) the day either changes alone.
import { describe, expectTypeOf, it } from 'vitest';
import type { PagingConfig } from '../../../paginate/src/index.js';
import type { NamedPaging } from '../../src/ir/types.js';
import type { SdkPagingConfig } from '../../src/load/openapi.js';

/** The members of paginate's type for the strategies a spec can name. */
type SpecStrategies = Extract<PagingConfig, { strategy: SdkPagingConfig['strategy'] }>;

/** Each strategy of a paging type, with the names it takes. */
type NamesByStrategy<Paging extends { strategy: string }> = {
  [Strategy in Paging['strategy']]: keyof Extract<Paging, { strategy: Strategy }>;
};

describe('the paging type', () => {
  it("is paginate's PagingConfig, for every strategy x-sdk-paging names", () => {
    expectTypeOf<NamesByStrategy<SdkPagingConfig>>().toEqualTypeOf<NamesByStrategy<SpecStrategies>>();
    expectTypeOf<SdkPagingConfig>().toMatchTypeOf<SpecStrategies>();
    expectTypeOf<SpecStrategies>().toMatchTypeOf<SdkPagingConfig>();
  });

  it('gives the generated code a PagingConfig with every name filled in', () => {
    expectTypeOf<NamedPaging>().toMatchTypeOf<PagingConfig>();
    expectTypeOf<{ strategy: 'offset'; offset: 'start'; limit: 'max'; items: 'items' }>().toMatchTypeOf<NamedPaging>();
    // @ts-expect-error a name the generator writes may not be left out
    expectTypeOf<{ strategy: 'offset'; items: 'items' }>().toMatchTypeOf<NamedPaging>();
  });
});
