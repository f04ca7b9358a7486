import { z } from 'zod';
import { DEFAULT_CATEGORIES } from './domain/types.ts';
import { parseQuietHours } from './core/quiet-hours.ts';
import { bool, cron, databaseUrl, deadlineTable, int, list, optionalText, timeZone, url } from './config-fields.ts';

const baseSchema = z.object({
  PORT: int(3000, 0, 65535),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: databaseUrl.default('file:./data/lianxin.db'),
  DATA_DIR: z.string().default('./data'),
  ADMIN_TOKEN: optionalText.pipe(z.string().min(16, { message: 'must be at least 16 characters' }).optional()),
  BOT_TIMEZONE: timeZone.default('Asia/Shanghai'),
  BOT_NAME: z.string().trim().min(1).default('连心'),
  /** Unset: on while no platform is configured (a first try), off once one is (docs/deploy.md). */
  SIM_ENABLED: z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { message: 'must be true or false' }).optional(),
  /** The simulator answers only loopback clients unless this is true (unsafe on a reachable port). */
  SIM_PUBLIC: bool(false),
  /** The address people open: links in chat (console sign-in, cards) start with it. Default http://localhost:{PORT}. */
  PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/u, message: 'must be an http(s) URL' }).optional()),
  /** Requests a client may make to the public routes per minute (callbacks, simulator, console sign-in). */
  RATE_LIMIT_PER_MINUTE: int(600, 10, 1_000_000),
  /** Open connections the server keeps at most; past it new ones are refused (slow clients cannot exhaust files). */
  MAX_CONNECTIONS: int(4096, 10, 100_000),
  /** Behind a proxy (nginx): take the client's address from X-Forwarded-For, for rate limits. */
  TRUST_PROXY: bool(false),
  /** A request must arrive whole within this time (headers and body), ms. */
  REQUEST_TIMEOUT_MS: int(10_000, 1000, 600_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ANSWER_HOURS: int(24, 1, 24 * 30),
  AUTO_CONFIRM_DAYS: int(7, 1, 90),
  REPORT_CATEGORIES: list(DEFAULT_CATEGORIES.join(',')),
  REPORT_DEADLINE_DAYS: deadlineTable('基础设施:5,环境卫生:3,治安安全:2,养老助残:3,就业创业:10,政策咨询:5,矛盾纠纷:5,其他:5'),
  URGENT_DEADLINE_DAYS: int(1, 1, 30),
  INVITE_TTL_DAYS: int(30, 1, 365),
  /** Local emergency numbers named in urgent receipts (燃气抢修, the lifts' maintainer); national ones are built in. */
  HOTLINE_GAS: optionalText,
  HOTLINE_LIFT: optionalText,
  OUTBOX_MAX_ATTEMPTS: int(8, 1, 100),
  OUTBOX_RETRY_BASE_MS: int(10_000, 10, 3_600_000),
  /** A send's lease, renewed while it runs: after a crash another process takes the row within this time. */
  OUTBOX_LEASE_MS: int(15_000, 2_000, 3_600_000),
  /** The window the platforms' "N a minute" limits are counted over: a minute. Tests shorten it to run faster. */
  RATE_LIMIT_WINDOW_MS: int(60_000, 1_000, 3_600_000),
  /** How often the outbox looks for due rows when nothing woke it (a row waiting out a rate limit), ms. */
  OUTBOX_POLL_MS: int(1_000, 10, 60_000),
  DB_POOL_SIZE: int(10, 1, 200),
  DB_STATEMENT_TIMEOUT_MS: int(15_000, 100, 600_000),

  // Schedules (SPEC "Schedules"), cron in BOT_TIMEZONE; "off" switches one off.
  SCHEDULE_GROUP_NUDGE: cron('30 9 * * *'),
  SCHEDULE_CLAIMANT_REMINDER: cron('0 10 * * *'),
  SCHEDULE_ESCALATION: cron('0 17 * * *'),
  SCHEDULE_WEEKLY_BULLETIN: cron('0 9 * * 1'),
  SCHEDULE_OFFICIAL_DIGEST: cron('30 8 * * 1'),
  SCHEDULE_REVISIT: cron('30 10 * * *'),
  // 一旬一通报 and 一月一调度 (issue 11).
  SCHEDULE_TEN_DAY_REPORT: cron('0 9 1,11,21 * *'),
  SCHEDULE_MONTHLY_REVIEW: cron('30 8 1 * *'),
  /** Hourly: submitters whose promised first answer (ANSWER_HOURS) did not come are told what happens next. */
  SCHEDULE_ANSWER_DUE: cron('5 * * * *'),
  REMIND_AFTER_DAYS: int(3, 1, 60),
  AUTO_RELEASE_DAYS: int(7, 2, 90),
  REVISIT_AFTER_DAYS: int(7, 1, 90),
  REVISIT_SAMPLE_PERCENT: int(30, 0, 100),

  // WeCom (docs/wecom.md). Each way in is on when its variables are set.
  WECOM_BOT_ID: optionalText,
  WECOM_BOT_SECRET: optionalText,
  WECOM_BOT_WS_URL: url('wss://openws.work.weixin.qq.com'),
  WECOM_BOT_TOKEN: optionalText,
  WECOM_BOT_ENCODING_AES_KEY: optionalText,
  WECOM_CORP_ID: optionalText,
  WECOM_AGENT_ID: optionalText.pipe(z.string().regex(/^\d+$/u, { message: 'must be the numeric AgentId' }).optional()),
  WECOM_SECRET: optionalText,
  WECOM_TOKEN: optionalText,
  WECOM_ENCODING_AES_KEY: optionalText,
  // 微信客服 (WeChat customer service): residents on personal WeChat. Its own callback settings and
  // secret; WECOM_CORP_ID and WECOM_API_BASE are shared with the app.
  WECOM_KF_TOKEN: optionalText,
  WECOM_KF_ENCODING_AES_KEY: optionalText,
  WECOM_KF_SECRET: optionalText,
  WECOM_KF_OPEN_KFID: optionalText.pipe(z.string().regex(/^[\w-]{1,64}$/u, { message: 'must be the account id (open_kfid), such as wk…' }).optional()),
  WECOM_API_BASE: url('https://qyapi.weixin.qq.com'),
  WECOM_WEBHOOK_BASE: url('https://qyapi.weixin.qq.com'),
  /** Where a smart robot's response_url may point (WeCom's API host); a reply is never POSTed elsewhere. */
  WECOM_RESPONSE_URL_ORIGINS: list('https://qyapi.weixin.qq.com'),

  // DingTalk (docs/dingtalk.md).
  DINGTALK_CLIENT_ID: optionalText,
  DINGTALK_CLIENT_SECRET: optionalText,
  DINGTALK_MODE: z.enum(['stream', 'http'], { message: 'must be stream or http' }).default('stream'),
  DINGTALK_STREAM_GATEWAY: url('https://api.dingtalk.com/v1.0/gateway/connections/open'),
  DINGTALK_API_BASE: url('https://api.dingtalk.com'),
  DINGTALK_OAPI_BASE: url('https://oapi.dingtalk.com'),
  DINGTALK_ROBOT_CODE: optionalText,

  QUIET_HOURS: z
    .string()
    .default('21:00-08:00')
    .refine((v) => {
      try {
        parseQuietHours(v);
        return true;
      } catch {
        return false;
      }
    }, { message: 'must look like 21:00-08:00, or off' }),
});


export const envSchema = baseSchema;

/** Variables that only make sense together: name each missing partner, and check key shapes. */
function crossCheck(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  // Any of `own` switches the way on; then it needs all of `own` and of `shared`. WECOM_CORP_ID is
  // shared by the app and 微信客服, so setting it alone switches on neither.
  const together = (own: string[], why: string, shared: string[] = []) => {
    if (!own.some((n) => env[n] !== undefined)) return;
    for (const n of [...shared, ...own]) if (env[n] === undefined) problems.push(`${n}: is required for ${why}`);
  };
  together(['WECOM_BOT_ID', 'WECOM_BOT_SECRET'], 'the WeCom smart robot long connection');
  together(['WECOM_BOT_TOKEN', 'WECOM_BOT_ENCODING_AES_KEY'], 'the WeCom smart robot callback');
  together(['WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_TOKEN', 'WECOM_ENCODING_AES_KEY'], 'the WeCom self-built app', ['WECOM_CORP_ID']);
  together(['WECOM_KF_TOKEN', 'WECOM_KF_ENCODING_AES_KEY', 'WECOM_KF_SECRET', 'WECOM_KF_OPEN_KFID'], '微信客服 (WeChat customer service)', ['WECOM_CORP_ID']);
  together(['DINGTALK_CLIENT_ID', 'DINGTALK_CLIENT_SECRET'], 'the DingTalk app robot');
  if (env.WECOM_KF_SECRET !== undefined && env.WECOM_KF_SECRET === env.WECOM_SECRET) {
    problems.push('WECOM_KF_SECRET: must be the 微信客服 secret (管理后台 → 微信客服 → API), not the app\'s WECOM_SECRET');
  }
  for (const key of ['WECOM_BOT_ENCODING_AES_KEY', 'WECOM_ENCODING_AES_KEY', 'WECOM_KF_ENCODING_AES_KEY']) {
    const v = env[key]?.trim();
    if (v !== undefined && !/^[A-Za-z0-9]{43}$/u.test(v)) problems.push(`${key}: must be the 43-character EncodingAESKey`);
  }
  return problems;
}

type ParsedEnv = z.infer<typeof envSchema>;
export type Config = Omit<ParsedEnv, 'SIM_ENABLED' | 'PUBLIC_URL'> & {
  SIM_ENABLED: boolean;
  PUBLIC_URL: string;
  /** Whether any platform way in is configured (the simulator's default depends on it). */
  platformConfigured: boolean;
};

/** Variables that switch a platform way in on. */
const PLATFORM_VARS = ['WECOM_BOT_ID', 'WECOM_BOT_TOKEN', 'WECOM_CORP_ID', 'WECOM_KF_SECRET', 'DINGTALK_CLIENT_ID'] as const;

function finish(env: ParsedEnv, picked: Record<string, string | undefined>): Config {
  const platformConfigured = PLATFORM_VARS.some((v) => picked[v] !== undefined);
  const sim = env.SIM_ENABLED;
  return {
    ...env,
    SIM_ENABLED: sim === undefined ? !platformConfigured : ['true', '1', 'yes', 'on'].includes(sim),
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/u, ''),
    platformConfigured,
  };
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Reads the environment once, at boot. Every bad variable is named, none is echoed (it may be a secret). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, string | undefined> = {};
  for (const key of Object.keys(baseSchema.shape)) {
    const v = env[key];
    picked[key] = v === undefined || v.trim() === '' ? undefined : v;
  }
  const result = envSchema.safeParse(picked);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...crossCheck(picked),
  ];
  if (problems.length > 0 || !result.success) throw new ConfigError(problems.sort());
  return finish(result.data, picked);
}
