export { authRoutes } from './auth.routes.ts';
export { login, lockMinutes, HARD_LOCK_AT } from './login.ts';
