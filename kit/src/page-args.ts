import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

export interface PageWindow {
  page: number;
  pageSize: number;
}

export interface PageArgsOptions {
  /** pageSize when the caller names none. */
  size: number;
  /** The cap no caller can exceed, so no list reads without bound. */
  max?: number;
  /**
   * `page: Int! = 1` instead of the contracts' `page: Int = 1`. Nullable with a default is what the REST contracts
   * need: an explicit null (a query without the parameter) means the default too.
   */
  required?: boolean;
}

export interface PageArgsType {
  page?: number | null;
  pageSize?: number | null;
  /** The page asked for, defaults applied. */
  window(): PageWindow;
}

const made = new Map<string, new () => PageArgsType>();

/**
 * `page`/`pageSize` arguments with the caps of one contract: `@Args(() => Page) page: PageArgsType` with
 * `const Page = PageArgs({ size: 20 })`, or extended by a list's own args class. One class per set of options.
 */
export function PageArgs(options: PageArgsOptions): new () => PageArgsType {
  const { size, max = 100, required = false } = options;
  const key = `${size}/${max}/${required}`;
  const known = made.get(key);
  if (known) return known;

  @ArgsType()
  class PageArgsOf implements PageArgsType {
    @Field(() => Int, { nullable: !required, defaultValue: 1 })
    @IsOptional()
    @Min(1)
    page?: number | null;

    @Field(() => Int, { nullable: !required, defaultValue: size })
    @IsOptional()
    @Min(1)
    @Max(max)
    pageSize?: number | null;

    window(): PageWindow {
      return { page: this.page ?? 1, pageSize: this.pageSize ?? size };
    }
  }
  made.set(key, PageArgsOf);
  return PageArgsOf;
}
