import { isAuthenticated, type IRules } from '@platform/kit';

/** Every field names its rule; who reads which file or task is decided in the services (file-access.ts). */
export const permissions: IRules = {
  Query: {
    file: isAuthenticated,
    exportFile: isAuthenticated,
    files: isAuthenticated,
    exportTask: isAuthenticated,
  },
  Mutation: {
    registerUpload: isAuthenticated,
    startUserExport: isAuthenticated,
    startWorkLogExport: isAuthenticated,
  },
  Subscription: {
    taskProgress: isAuthenticated,
  },
  StoredFile: isAuthenticated,
  StoredFilePage: isAuthenticated,
  ExportTask: isAuthenticated,
  User: isAuthenticated,
};
