import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

/** `page`/`pageSize` (≤ 100) with the default page size each list of the contract documents. */
function pageArgs(defaultPageSize: number) {
  @ArgsType()
  class PageArgs {
    @Field(() => Int, { defaultValue: 1 })
    @Min(1)
    page: number = 1;

    @Field(() => Int, { defaultValue: defaultPageSize })
    @Min(1)
    @Max(100)
    pageSize: number = defaultPageSize;
  }
  return PageArgs;
}

export const PageOf20 = pageArgs(20);
export type PageOf20 = InstanceType<typeof PageOf20>;
export const PageOf100 = pageArgs(100);
export type PageOf100 = InstanceType<typeof PageOf100>;
export const PageOf10 = pageArgs(10);
export type PageOf10 = InstanceType<typeof PageOf10>;
