/** The tenant core-system simulator: what it serves (partner §§ 3, 4, 6) and what it pushes (§§ 2, 5). */
export { partnerHeaders, type PartnerSigningKey } from '@platform/kit';
export * from './overdue-cases';
export * from './pushes';
