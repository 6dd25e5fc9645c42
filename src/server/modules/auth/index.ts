export { authRoutes } from './auth.routes.ts';
export { HARD_LOCK_AT, lockMinutes, login } from './login.ts';
