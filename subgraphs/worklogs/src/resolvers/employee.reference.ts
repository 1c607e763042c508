import type { Employee } from '../entities';

/** identity's User by key: worklogs holds no user row to load, its fields are figures computed per id. */
export const employeeReference = {
  __resolveReference: (ref: { id: string }): Employee => ({ id: String(ref.id) }),
};
