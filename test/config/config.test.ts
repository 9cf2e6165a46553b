import { expect } from '@open-wc/testing';
import { API_BASES, DEFAULT_CONFIG, mergeConfig, readDataAttributes, resolveApiBase } from '../../src/config/config.js';

describe('configuration', () => {
  it('resolves production, sandbox and any http(s) base URL', () => {
    expect(resolveApiBase('production', 'x')).to.equal('https://api.polar.sh');
    expect(resolveApiBase('sandbox', 'x')).to.equal('https://sandbox-api.polar.sh');
    expect(resolveApiBase('http://127.0.0.1:8787/', 'x')).to.equal('http://127.0.0.1:8787');
    expect(resolveApiBase('javascript:alert(1)', API_BASES.production)).to.equal(API_BASES.production);
    expect(resolveApiBase('not a url', API_BASES.production)).to.equal(API_BASES.production);
  });

  it('reads the script tag’s data attributes', () => {
    const script = document.createElement('script');
    script.dataset.organization = 'acme';
    script.dataset.api = 'sandbox';
    script.dataset.theme = 'dark';
    script.dataset.locale = 'de';
    script.dataset.storage = 'local';
    script.setAttribute('data-api-version', '2026-04');
    script.setAttribute('data-stripe-key', 'pk_live_x');
    expect(readDataAttributes(script)).to.deep.equal({
      organization: 'acme',
      api: 'sandbox',
      theme: 'dark',
      locale: 'de',
      storage: 'local',
      apiVersion: '2026-04',
      stripeKey: 'pk_live_x',
    });
    expect(readDataAttributes(null)).to.deep.equal({});
  });

  it('applies valid values and keeps the previous value for invalid ones', () => {
    const config = mergeConfig(DEFAULT_CONFIG, {
      organization: ' acme ',
      api: 'sandbox',
      theme: 'purple' as never,
      storage: 'cookies' as never,
      apiVersion: 'latest',
    });
    expect(config).to.include({ organization: 'acme', api: API_BASES.sandbox, theme: 'auto', storage: 'session', apiVersion: '2026-10' });
    expect(mergeConfig(DEFAULT_CONFIG, { apiVersion: '2026-04' }).apiVersion).to.equal('2026-04');
  });

  it('defaults to production, the auto theme, per-tab storage and the newest API version Polar’s server supports (server/polar/version.py)', () => {
    expect(DEFAULT_CONFIG).to.deep.equal({ api: 'https://api.polar.sh', theme: 'auto', storage: 'session', apiVersion: '2026-10' });
  });
});
