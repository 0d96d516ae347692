// The Content-Security-Policy every page carries (a <meta> in the layout; `npm start` also sends it as a
// header). Reports are untrusted text: if anything ever slips markup through the Markdown pipeline, the
// browser still runs no script but the site's own files and fetches nothing from another origin.
// Why each directive is there: README "Content-Security-Policy".

/** Directive → sources, in the order they are written. */
export const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  // Everything not named below: this origin only (fonts, manifest, media, frames …).
  ['default-src', "'self'"],
  // Only the site's own script files: no inline <script>, no on…= attributes, no javascript: URLs, no eval.
  // 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly when it searches on the page's own thread
  // (its fallback when the worker cannot start); it allows WebAssembly only, never JavaScript eval.
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  // Only the site's stylesheets: no <style> blocks and no style="…" attributes (Astro inlines none:
  // build.inlineStylesheets is 'never' and vite's assetsInlineLimit is 0).
  ['style-src', "'self'"],
  // The favicon and nothing else is an image; no data: URLs are needed (charts are inline <svg>).
  ['img-src', "'self'"],
  // Pagefind fetches its index and fragments from <base>pagefind/.
  ['connect-src', "'self'"],
  // Pagefind runs its search in <base>pagefind/pagefind-worker.js.
  ['worker-src', "'self'"],
  // These do not fall back to default-src, so each is set on its own.
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

const written = (directives: readonly (readonly [string, string])[]) => directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** For the <meta http-equiv="Content-Security-Policy"> on every page. */
export const CONTENT_SECURITY_POLICY = written(CSP_DIRECTIVES);

/**
 * `npm run dev` only: Vite's dev server puts every stylesheet into the page as a <style> element, so
 * styles must be allowed inline there; scripts stay as strict as in the built site.
 */
export const DEV_CONTENT_SECURITY_POLICY = written(CSP_DIRECTIVES.map(([name, value]) => [name, name === 'style-src' ? `${value} 'unsafe-inline'` : value] as const));

/**
 * As an HTTP header a server can also forbid framing by other sites, which a <meta> policy cannot
 * (browsers ignore frame-ancestors there).
 */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'self'`;
