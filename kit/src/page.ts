import { Field, Int, ObjectType, type ClassType } from 'type-graphql';

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

/** A page object type named `<Name>Page` for the item type. */
export function PageType<T extends object>(item: ClassType<T>, name = item.name): ClassType<Paged<T>> {
  @ObjectType(`${name}Page`)
  class PageClass implements Paged<T> {
    @Field(() => [item])
    items!: T[];

    @Field(() => Int)
    total!: number;

    @Field(() => Int)
    page!: number;

    @Field(() => Int)
    pageSize!: number;

    @Field(() => Int, { description: 'Number of pages (0 when there are no items).' })
    pages!: number;
  }
  return PageClass;
}

export const pageWindow = (args: { page: number; pageSize: number }) => ({
  limit: args.pageSize,
  offset: (args.page - 1) * args.pageSize,
});

export function toPage<T>(items: T[], total: number, args: { page: number; pageSize: number }): Paged<T> {
  return { items, total, page: args.page, pageSize: args.pageSize, pages: Math.ceil(total / args.pageSize) };
}
