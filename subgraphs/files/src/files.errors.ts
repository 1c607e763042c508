import { badInput, businessRule, notFound } from '@platform/kit';

/** Files' coded errors; each maps onto the shared vocabulary (extensions.code). */
export const FilesErrors = {
  fileNotFound: (id: string) => notFound('File', id),
  taskNotFound: (id: string) => notFound('Task', id),
  notYourStagingKey: () => badInput('stagingKey', 'stagingKey is not an upload of the caller'),
  stagedObjectMissing: () => badInput('stagingKey', 'nothing is staged under stagingKey'),
  stagedSizeMismatch: (stored: number) => badInput('size', `size does not match the staged object (${stored} bytes)`),
  stagedHashMismatch: () => badInput('sha256', 'sha256 does not match the staged object'),
  tooLarge: (max: number) => businessRule(`A file may hold at most ${max} bytes`, { maxBytes: max }),
  unknownKind: (kind: string) => badInput('kind', `unknown export kind ${kind}`),
};
