import { z } from 'zod';
import type { LeadsSalesUsersQuery, LeadsUserFragment } from './operations.generated';
import { leads002Users } from './leads002.family';

/** A 002 user as its documents show it: integer id, no password, JSON dates. */
export const leadsUser = z.object({
  id: z.number().int(),
  username: z.string(),
  nickname: z.string().nullable(),
  role: z.string().nullable(),
  created_at: z.string().describe('2024-01-01T10:00:00.000Z'),
  updated_at: z.string(),
});

export const toLeadsUser = (u: LeadsUserFragment): z.input<typeof leadsUser> => ({
  id: Number(u.id),
  username: u.username,
  nickname: u.nickname ?? u.fullName ?? null,
  role: u.role?.code ?? null,
  created_at: leads002Users.time(u.createdAt),
  updated_at: leads002Users.time(u.updatedAt),
});

/** The user inside the login answer: `{id, username, nickname, role}`. */
export const loginUser = leadsUser.pick({ id: true, username: true, nickname: true, role: true });

export const toLoginUser = (u: LeadsUserFragment): z.input<typeof loginUser> => {
  const { id, username, nickname, role } = toLeadsUser(u);
  return { id, username, nickname, role };
};

/** identity's UserSummary: what any signed-in user may see of a colleague. */
export const summaryToLeadsUser = (u: LeadsSalesUsersQuery['salesUsers']['items'][number]): z.input<typeof leadsUser> => ({
  id: Number(u.id),
  username: u.username,
  nickname: u.nickname,
  role: u.roleCode,
  created_at: leads002Users.time(u.createdAt),
  updated_at: leads002Users.time(u.updatedAt),
});
