// The only file that names the browser's extension namespace. Firefox has `browser` (promises),
// Chrome has `chrome` (promises in MV3). Everything else imports `api` from here.
export const api = globalThis.browser ?? globalThis.chrome;

if (!api || !api.runtime) {
  throw new Error("Linkguard: no extension API in this context");
}
