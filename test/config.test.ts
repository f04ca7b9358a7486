import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, envSchema, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('runs on its embedded defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, DATABASE_URL: 'file:./data/lianxin.db', BOT_TIMEZONE: 'Asia/Shanghai', SIM_ENABLED: true });
  });

  it('names every bad variable, without echoing values', () => {
    try {
      loadConfig({ PORT: 'eighty', BOT_TIMEZONE: 'Mars/Olympus', SIM_ENABLED: 'maybe', WECOM_BOT_ID: 'secret-bot-id' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const name of ['PORT', 'BOT_TIMEZONE', 'SIM_ENABLED', 'WECOM_BOT_SECRET']) expect(message).toContain(name);
      expect(message).not.toContain('secret-bot-id');
    }
  });

  it('lists every variable in .env.example with a comment', () => {
    const example = readFileSync('.env.example', 'utf8').split('\n');
    for (const name of Object.keys(envSchema.shape)) {
      const at = example.findIndex((line) => line.startsWith(`${name}=`));
      expect(at, `${name} is missing from .env.example`).toBeGreaterThan(0);
      expect(example[at - 1], `${name} has no comment`).toMatch(/^#/u);
    }
  });
});

describe('the simulator switch', () => {
  it('is on by default while no platform is configured, off once one is, unless asked for', () => {
    expect(loadConfig({}).SIM_ENABLED).toBe(true);
    const wecom = { WECOM_BOT_ID: 'b', WECOM_BOT_SECRET: 's' };
    expect(loadConfig(wecom).SIM_ENABLED).toBe(false);
    expect(loadConfig({ DINGTALK_CLIENT_ID: 'c', DINGTALK_CLIENT_SECRET: 's' }).SIM_ENABLED).toBe(false);
    expect(loadConfig({ ...wecom, SIM_ENABLED: 'true' }).SIM_ENABLED).toBe(true);
    expect(loadConfig({ SIM_ENABLED: 'false' }).SIM_ENABLED).toBe(false);
  });
});

describe('微信客服 configuration', () => {
  const kf = {
    WECOM_CORP_ID: 'wwcorp',
    WECOM_KF_TOKEN: 'kftoken',
    WECOM_KF_ENCODING_AES_KEY: 'a'.repeat(43),
    WECOM_KF_SECRET: 'kf-secret-value',
    WECOM_KF_OPEN_KFID: 'wkAbC_1',
  };

  it('switches on with its five variables, without the app', () => {
    expect(loadConfig(kf)).toMatchObject({ WECOM_KF_OPEN_KFID: 'wkAbC_1', WECOM_AGENT_ID: undefined });
  });

  it('names each missing partner, and a corp id alone switches nothing on', () => {
    expect(() => loadConfig({ WECOM_CORP_ID: 'wwcorp' })).not.toThrow();
    const problems = (() => {
      try {
        loadConfig({ WECOM_KF_SECRET: 'kf-secret-value' });
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    })();
    expect(problems).toEqual(
      expect.arrayContaining(['WECOM_CORP_ID', 'WECOM_KF_TOKEN', 'WECOM_KF_ENCODING_AES_KEY', 'WECOM_KF_OPEN_KFID'].map((n) => expect.stringContaining(n))),
    );
    expect(problems.join('\n')).not.toContain('kf-secret-value');
  });

  it.each([
    ['a short EncodingAESKey', { WECOM_KF_ENCODING_AES_KEY: 'short' }, 'WECOM_KF_ENCODING_AES_KEY'],
    ['an account id with spaces', { WECOM_KF_OPEN_KFID: 'wk abc' }, 'WECOM_KF_OPEN_KFID'],
    ['the app secret reused', { WECOM_SECRET: 'kf-secret-value', WECOM_AGENT_ID: '1000002', WECOM_TOKEN: 't', WECOM_ENCODING_AES_KEY: 'b'.repeat(43) }, 'WECOM_KF_SECRET'],
  ])('refuses %s', (_what, change, name) => {
    expect(() => loadConfig({ ...kf, ...change })).toThrow(new RegExp(name, 'u'));
  });
});
