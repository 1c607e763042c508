import { asDate, asText, type ExportKind } from '../export-kind';

const QUERY = /* GraphQL */ `
  query ExportUsers($page: Int, $pageSize: Int) {
    users(page: $page, pageSize: $pageSize, sortBy: createdAt, sortOrder: asc) {
      total
      items { id username fullName email status createdAt }
    }
  }
`;

/** identity's users list as its requester may see it (tenant admins: their tenant). */
export const usersExport: ExportKind = {
  name: 'users',
  fileStem: 'users',
  sheetName: 'Users',
  maxPageSize: 100,
  async fetchPage(run, _filter, cursor, pageSize) {
    const data = await run(QUERY, { page: cursor.page, pageSize });
    return data.users as { total: number; items: Record<string, unknown>[] };
  },
  columns: [
    { header: 'ID', key: 'id', width: 12, value: (u) => asText(u.id) },
    { header: 'Username', key: 'username', width: 20, value: (u) => asText(u.username) },
    { header: 'Full name', key: 'fullName', width: 20, value: (u) => asText(u.fullName) },
    { header: 'E-mail', key: 'email', width: 28, value: (u) => asText(u.email) },
    { header: 'Status', key: 'status', width: 10, value: (u) => asText(u.status) },
    { header: 'Created at', key: 'createdAt', width: 22, value: (u) => asDate(u.createdAt) },
  ],
};
