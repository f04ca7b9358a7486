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
