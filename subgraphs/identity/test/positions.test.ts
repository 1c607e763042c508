import { Position } from '../src';
import { errorOf, platformEm, startIdentity, type Harness } from './support/harness';
import { ADMIN, createAccount, unique } from './support/fixtures';

let h: Harness;
let adminToken: string;
beforeAll(async () => {
  h = await startIdentity();
  adminToken = (await h.login(ADMIN.login, ADMIN.password)).accessToken;
});
afterAll(() => h.close());

const CREATE = /* GraphQL */ `
  mutation($input: PositionInput!) {
    createPosition(input: $input) { id name code description level department parentId parent { id name } createdAt updatedAt }
  }
`;
const DETAIL = /* GraphQL */ `
  query($id: ID!) {
    position(id: $id) {
      id name fullPath parentId parent { name } children { name } employees { username } employeeCount childrenCount
    }
  }
`;
const MOVE = /* GraphQL */ `
  mutation($id: ID!, $p: ID, $l: Int) { movePosition(id: $id, newParentId: $p, newLevel: $l) { id parentId level fullPath } }
`;
const DELETE = /* GraphQL */ `mutation($id: ID!) { deletePosition(id: $id) }`;
const count = () => platformEm(h).count(Position);

async function create(name: string, level: number, parentId?: string) {
  const input = { name, code: unique('p'), level, parentId };
  return (await h.data(CREATE, { input }, adminToken)).createPosition as { id: string; name: string; parentId: string | null };
}

/** CEO > 技术总监 > 高级开发工程师 */
async function tree() {
  const ceo = await create('CEO', 1);
  const cto = await create('技术总监', 2, ceo.id);
  const dev = await create('高级开发工程师', 3, cto.id);
  return { ceo, cto, dev };
}

describe('positions', () => {
  it('creates a position under a parent, answering the 004 shape', async () => {
    const ceo = await create('CEO', 1);
    const input = { name: 'CTO', code: unique('cto'), description: 'Tech', level: 2, department: '技术部', parentId: ceo.id };
    const cto = (await h.data(CREATE, { input }, adminToken)).createPosition;
    expect(cto).toMatchObject({ ...input, parentId: ceo.id, parent: { id: ceo.id, name: 'CEO' } });
  });

  it('answers the tree fields and the full path through loaders', async () => {
    const { ceo, cto, dev } = await tree();
    const employee = await createAccount(h, adminToken, { positionId: dev.id });
    const detail = (await h.data(DETAIL, { id: dev.id }, adminToken)).position;
    expect(detail).toMatchObject({
      fullPath: 'CEO > 技术总监 > 高级开发工程师',
      parentId: cto.id,
      parent: { name: '技术总监' },
      children: [],
      employees: [{ username: employee.username }],
      employeeCount: 1,
      childrenCount: 0,
    });
    const top = (await h.data(DETAIL, { id: ceo.id }, adminToken)).position;
    expect(top).toMatchObject({ fullPath: 'CEO', parent: null, children: [{ name: '技术总监' }], childrenCount: 1, employeeCount: 0 });
  });

  it('lists flat with filters, ordered by level', async () => {
    const { cto } = await tree();
    const list = `query($f: PositionFilter) { positions(filter: $f) { total pageSize items { name level parentId } } }`;
    const children = (await h.data(list, { f: { parentId: cto.id } }, adminToken)).positions;
    expect(children).toMatchObject({ total: 1, pageSize: 100, items: [{ name: '高级开发工程师', level: 3, parentId: cto.id }] });
    const level1 = (await h.data(list, { f: { level: 1 } }, adminToken)).positions.items;
    expect(level1.every((p: { level: number }) => p.level === 1)).toBe(true);
    const search = (await h.data(list, { f: { search: '技术' } }, adminToken)).positions.items;
    expect(search.map((p: { name: string }) => p.name)).toContain('技术总监');
  });

  it('answers CONFLICT on a duplicate code and BAD_USER_INPUT on an unknown parent, creating nothing', async () => {
    const existing = await create('Dup', 1);
    const code = (await h.data(`query($id: ID!) { position(id: $id) { code } }`, { id: existing.id }, adminToken)).position.code;
    const before = await count();
    expect(errorOf(await h.exec(CREATE, { input: { name: 'x', code, level: 1 } }, adminToken))).toMatchObject({ code: 'CONFLICT', field: 'code' });
    expect(errorOf(await h.exec(CREATE, { input: { name: 'x', code: unique('p'), level: 1, parentId: '999999' } }, adminToken))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'parentId',
    });
    expect(errorOf(await h.exec(CREATE, { input: { name: 'x', code: unique('p'), level: 0 } }, adminToken))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'level',
    });
    expect(await count()).toBe(before);
  });

  it('updates only the given fields', async () => {
    const { dev } = await tree();
    const update = `mutation($id: ID!, $input: UpdatePositionInput!) { updatePosition(id: $id, input: $input) { name description level parentId } }`;
    const updated = (await h.data(update, { id: dev.id, input: { name: '资深开发工程师', level: 4 } }, adminToken)).updatePosition;
    expect(updated).toEqual({ name: '资深开发工程师', description: null, level: 4, parentId: dev.parentId });
    const root = (await h.data(update, { id: dev.id, input: { parentId: null } }, adminToken)).updatePosition;
    expect(root.parentId).toBeNull();
  });

  it('answers NOT_FOUND for unknown ids', async () => {
    expect(errorOf(await h.exec(DETAIL, { id: '999999' }, adminToken)).code).toBe('NOT_FOUND');
    expect(errorOf(await h.exec(DELETE, { id: '999999' }, adminToken)).code).toBe('NOT_FOUND');
    expect(errorOf(await h.exec(MOVE, { id: '999999' }, adminToken)).code).toBe('NOT_FOUND');
  });
});

describe('deletePosition', () => {
  it('refuses while the position has employees or children (BUSINESS_RULE) and deletes once it has neither', async () => {
    const { cto, dev } = await tree();
    const employee = await createAccount(h, adminToken, { positionId: dev.id });
    expect(errorOf(await h.exec(DELETE, { id: dev.id }, adminToken))).toMatchObject({ code: 'BUSINESS_RULE', reason: 'POSITION_HAS_EMPLOYEES' });
    expect(errorOf(await h.exec(DELETE, { id: cto.id }, adminToken))).toMatchObject({ code: 'BUSINESS_RULE', reason: 'POSITION_HAS_CHILDREN' });
    expect(await platformEm(h).count(Position, { id: { $in: [Number(cto.id), Number(dev.id)] } })).toBe(2);

    await h.data(`mutation($id: ID!) { deleteUser(id: $id) }`, { id: employee.id }, adminToken);
    expect((await h.data(DELETE, { id: dev.id }, adminToken)).deletePosition).toBe(true);
    expect((await h.data(DELETE, { id: cto.id }, adminToken)).deletePosition).toBe(true);
    expect(errorOf(await h.exec(DETAIL, { id: dev.id }, adminToken)).code).toBe('NOT_FOUND');
  });
});

describe('movePosition', () => {
  it('moves under a new parent or to the root, optionally with a new level', async () => {
    const { ceo, dev } = await tree();
    const moved = (await h.data(MOVE, { id: dev.id, p: ceo.id, l: 2 }, adminToken)).movePosition;
    expect(moved).toEqual({ id: dev.id, parentId: ceo.id, level: 2, fullPath: 'CEO > 高级开发工程师' });
    const root = (await h.data(MOVE, { id: dev.id, p: null }, adminToken)).movePosition;
    expect(root).toMatchObject({ parentId: null, level: 2, fullPath: '高级开发工程师' });
  });

  it('refuses cycles (under itself or a descendant) with BUSINESS_RULE and changes nothing', async () => {
    const { ceo, cto, dev } = await tree();
    expect(errorOf(await h.exec(MOVE, { id: ceo.id, p: dev.id }, adminToken))).toMatchObject({ code: 'BUSINESS_RULE', reason: 'POSITION_CYCLE' });
    expect(errorOf(await h.exec(MOVE, { id: cto.id, p: cto.id }, adminToken)).code).toBe('BUSINESS_RULE');
    const update = `mutation($id: ID!, $p: ID) { updatePosition(id: $id, input: { parentId: $p }) { id } }`;
    expect(errorOf(await h.exec(update, { id: ceo.id, p: cto.id }, adminToken)).code).toBe('BUSINESS_RULE');
    const stored = await platformEm(h).findOneOrFail(Position, Number(ceo.id));
    expect(stored.parentId).toBeNull();
  });
});
