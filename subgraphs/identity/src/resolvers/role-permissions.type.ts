import { Field, ObjectType } from 'type-graphql';
import { Menu, Role } from '../entities';

@ObjectType()
export class MenuGrant {
  @Field(() => Menu)
  menu!: Menu;

  @Field(() => [String])
  actions!: string[];
}

@ObjectType()
export class RolePermissions {
  @Field(() => Role)
  role!: Role;

  @Field(() => [MenuGrant])
  grants!: MenuGrant[];

  @Field(() => [String], { description: 'The role’s codes: direct ones plus menu.code:action per grant.' })
  permissions!: string[];
}
