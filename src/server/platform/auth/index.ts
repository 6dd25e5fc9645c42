// verifyPassword is deliberately not exported: every password check goes through
// `checkPassword` (throttle.ts), which counts it in the shared throttle first (ADR 0113).
export {
  dummyPasswordHash,
  hashPassword,
  PASSWORD_MAX,
  PASSWORD_MIN,
  type PasswordProblem,
  passwordProblem,
} from './password.ts';
export * from './session.ts';
export * from './throttle.ts';
export * from './totp.ts';
