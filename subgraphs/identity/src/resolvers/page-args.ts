import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

export interface PageWindow {
  page: number;
  pageSize: number;
}

/**
 * `page: Int = 1, pageSize: Int = <default>` (≤ 100) as the contract writes them: nullable with a default, so an
 * explicit null (a REST query without the parameter) means the default too.
 */
function pageArgs(defaultPageSize: number) {
  @ArgsType()
  class PageArgs {
    @Field(() => Int, { nullable: true, defaultValue: 1 })
    @IsOptional()
    @Min(1)
    page?: number | null;

    @Field(() => Int, { nullable: true, defaultValue: defaultPageSize })
    @IsOptional()
    @Min(1)
    @Max(100)
    pageSize?: number | null;

    window(): PageWindow {
      return { page: this.page ?? 1, pageSize: this.pageSize ?? defaultPageSize };
    }
  }
  return PageArgs;
}

export const PageOf20 = pageArgs(20);
export type PageOf20 = InstanceType<typeof PageOf20>;
export const PageOf100 = pageArgs(100);
export type PageOf100 = InstanceType<typeof PageOf100>;
export const PageOf10 = pageArgs(10);
export type PageOf10 = InstanceType<typeof PageOf10>;
