import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER, CSP_DIRECTIVES, DEV_CONTENT_SECURITY_POLICY } from '../../src/lib/csp.ts';

describe('the Content-Security-Policy', () => {
  it('allows only this origin, Pagefind\'s WebAssembly, and no plugins, base changes or foreign forms', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
    );
    // Nothing that would let inline code or another origin back in.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|'unsafe-eval'|https?:|data:|blob:|\*/);
  });

  it('each directive once; the header form adds frame-ancestors, which a <meta> policy cannot carry', () => {
    const names = CSP_DIRECTIVES.map(([n]) => n);
    expect(new Set(names).size).toBe(names.length);
    expect(CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY_HEADER).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'self'`);
  });

  it('the dev server\'s policy differs only in allowing inline styles (Vite injects them)', () => {
    expect(DEV_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
    expect(DEV_CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });
});
