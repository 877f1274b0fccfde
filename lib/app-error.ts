// The errors are domain vocabulary (a refused transition is one: lib/domain/state-machines.ts), so they
// live in lib/domain; this path stays as the one the rest of the app imports them from (80+ files).
export * from './domain/app-error';
