// The part of jose the functions use, in one module that is imported lazily (`import('./jose')`): the bundle's
// chunk holds only these, and a cold start compiles none of them until a token is signed or verified.
export { decodeJwt, errors, jwtVerify, SignJWT } from 'jose';
