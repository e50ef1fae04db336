// The public audience's chunk: the pages a visitor without a session can open, beside the home page (in the entry).
export { LinkLanding } from './LinkLanding';
export { NotFound } from './NotFound';
export { SignIn } from './SignIn';
