export { DEV_CITIZENS } from './dev-citizens.ts';
export { onboardingRoutes } from './onboarding.routes.ts';
