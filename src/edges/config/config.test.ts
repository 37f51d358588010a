import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { redactedConfig } from './redact.js';

const dir = () => mkdtempSync(join(tmpdir(), 'shipconfirm-config-'));
const creds = {
  LWA_CLIENT_ID: 'amzn1.application-oa2-client.abc',
  LWA_CLIENT_SECRET: 'amzn1.oa2-cs.v1.supersecretvalue',
  LWA_REFRESH_TOKEN: 'Atzr|IwEBIrefreshtokensecret',
  SHIPCONFIRM_SELLER_ID: 'A2EXAMPLE12345',
};

describe('loadConfig', () => {
  it('defaults to the simulator, the UK and ./data/shipconfirm.db', () => {
    const cwd = dir();
    const c = loadConfig({}, cwd);
    expect(c.amazon).toEqual({ mode: 'simulator', marketplaceIds: ['A1F83G8C2ARO7P'] });
    expect(c.databasePath).toBe(join(cwd, 'data', 'shipconfirm.db'));
    expect(c.configFile).toBeNull();
  });

  it('uses Amazon when all LWA settings are given, with the region endpoint by default', () => {
    const c = loadConfig({ ...creds, SPAPI_MARKETPLACE_IDS: 'UK,DE' }, dir());
    expect(c.amazon.mode).toBe('amazon');
    if (c.amazon.mode === 'amazon') {
      expect(c.amazon.endpoint).toBe('https://sellingpartnerapi-eu.amazon.com');
      expect(c.amazon.marketplaceIds).toEqual(['A1F83G8C2ARO7P', 'A1PA6795UKMFR9']);
    }
  });

  it('names the missing LWA settings when only some are given', () => {
    expect(() => loadConfig({ LWA_CLIENT_ID: 'x' }, dir())).toThrowError(
      /LWA_CLIENT_SECRET and LWA_REFRESH_TOKEN are not set/,
    );
  });

  it('requires the seller id with real credentials', () => {
    const { SHIPCONFIRM_SELLER_ID: _, ...rest } = creds;
    expect(() => loadConfig(rest, dir())).toThrowError(/SHIPCONFIRM_SELLER_ID is not set/);
  });

  it('refuses an unknown marketplace and a bad URL, naming the setting', () => {
    expect(() => loadConfig({ SPAPI_MARKETPLACE_IDS: 'Narnia' }, dir())).toThrowError(
      /SPAPI_MARKETPLACE_IDS: "Narnia"/,
    );
    expect(() => loadConfig({ ...creds, SPAPI_ENDPOINT: 'not a url' }, dir())).toThrowError(/SPAPI_ENDPOINT/);
  });

  it('reads shipconfirm.config.json, and the environment wins over it', () => {
    const cwd = dir();
    writeFileSync(
      join(cwd, 'shipconfirm.config.json'),
      JSON.stringify({ database: 'x.db', transmit: { maxAttempts: 3 } }),
    );
    const c = loadConfig({ SHIPCONFIRM_DB: 'y.db' }, cwd);
    expect(c.databasePath).toBe(join(cwd, 'y.db'));
    expect(c.transmit.maxAttempts).toBe(3);
    expect(c.configFile).toBe(join(cwd, 'shipconfirm.config.json'));
  });

  it('names the bad key of the config file', () => {
    const cwd = dir();
    writeFileSync(join(cwd, 'shipconfirm.config.json'), JSON.stringify({ transmit: { maxAttempts: 0 } }));
    expect(() => loadConfig({}, cwd)).toThrowError(/"transmit.maxAttempts" is wrong/);
    writeFileSync(join(cwd, 'shipconfirm.config.json'), '{ not json');
    expect(() => loadConfig({}, cwd)).toThrowError(ConfigError);
  });

  it('never shows secrets in the redacted view', () => {
    const text = JSON.stringify(redactedConfig(loadConfig(creds, dir())));
    expect(text).not.toContain(creds.LWA_CLIENT_SECRET);
    expect(text).not.toContain(creds.LWA_REFRESH_TOKEN);
    expect(text).toContain('hidden');
  });
});
