export { HARD_LOCK_AT, lockMinutes } from '../../platform/auth/index.ts';
export { authRoutes } from './auth.routes.ts';
export { login } from './commands/login.ts';
export { removeSecondFactor } from './commands/reset-second-factor.ts';
