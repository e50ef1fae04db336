// The public audience's chunk: everything a visitor without a session can open.
export { Home } from './Home';
export { LinkLanding } from './LinkLanding';
export { NotFound } from './NotFound';
export { SignIn } from './SignIn';
