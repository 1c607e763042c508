/** The tenant core-system simulator: what it serves (partner §§ 3, 4, 6) and what it pushes (§§ 2, 5). */
export { partnerHeaders, type PartnerSigningKey } from '@platform/kit';
export {
  startCoreSimulator,
  TOKEN_TTL_SECONDS,
  type CoreSimulator,
  type CoreSimulatorOptions,
  type ReceivedCall,
} from './server';
export {
  CoreBook,
  type CoreBalance,
  type CoreCase,
  type CoreCaseInput,
  type CoreCaseStatus,
  type CoreCustomer,
  type CoreLoan,
  type CoreRepayment,
  type CoreRepaymentInput,
  type CoreWriteBacks,
  type WriteBackKind,
} from './core-book';
export { COLLECTION_RESULTS, coreApiRoutes } from './core-api';
export { answer, ok, type HttpMethod, type SimulatorReply, type SimulatorRequest, type SimulatorRoute } from './routes';
export * from './overdue-cases';
export * from './pushes';
export * from './pushed-cases';
export * from './commands';
export * from './schedule';
export { loadSimulatorConfig, type SimulatorConfig } from './config';
export { startSimulator, type RunningSimulator } from './main';
