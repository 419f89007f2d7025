// Conditions on the server's own settings (a mode, a feature flag, the configuration): what a 401 or a 400 sent
// because of them says is a refusal by the server, not a problem of the caller's credentials or request.
import type { GuardEvidence } from './facts.js';
import { lastSegment } from './member-path.js';

/** Names of the server's own settings: a mode, a feature flag, the configuration, the edition. */
const SETTING_NAME = /(?:mode|enabled|disabled|feature|flag|config|configuration|setting|settings|cloud|selfhosted|edition|license|env)(?:value|key|name)?$/i;

/** Values a caller presents to be known by: a token, a key, a secret, a device's or a client's id. */
const CREDENTIAL_KEY = /(?:token|api_?key|secret|password|credential|device_?id|client_?id)s?$/i;

/** An environment variable read through an `env` object (`env.STRIPE_WEBHOOK_SECRET` of t3-env), or `process.env`'s. */
export const ENVIRONMENT_VARIABLE = /^(?:process\.env|(?:import\.meta\.|Bun\.)?env)\.[A-Z][A-Z0-9_]*$/;

/** Objects that hold the server's configuration: `process.env.X`, `config.x`, `serverConfig.baiduApiKey`, `appSettings.x`. */
const SETTINGS_OBJECT = /^(?:this\.)?(?:process\.env|(?:server|app|global|runtime|site|instance|system)?(?:env|config|configuration|settings)(?:service)?)\./i;

/** What a condition reads itself (its members not handed to a call, its callees, the calls its names come from), and what it hands on. */
function readByCondition(guard: GuardEvidence): { passed: ReadonlySet<string>; read: string[] } {
  const passed = new Set(guard.passedMembers ?? []);
  return { passed, read: [...guard.members.filter((member) => !passed.has(member)), ...guard.callees, ...guard.lookups.map((lookup) => lookup.callee)] };
}

/**
 * A condition that reads only how the server is set up (`if (!multiUserMode)`, `if (!isFeatureEnabled('x'))`,
 * `if (!this.configService.serviceMode)`): neither the caller's credentials nor the request decide it. Only when
 * everything the condition reads is a setting (`multiUserMode` is one, though it speaks of users).
 */
export function settingGuardEvidence(guard: GuardEvidence, { configurationOnly = false }: { configurationOnly?: boolean } = {}): string | undefined {
  const { passed, read } = readByCondition(guard);
  if (read.length === 0) return undefined;
  // `getTrmnlDeviceConfig({ ctx, deviceId })`: a record looked up by what the caller presented is a check of it.
  if (guard.lookups.some((lookup) => (lookup.keys ?? []).some((key) => CREDENTIAL_KEY.test(key)))) return undefined;
  // `configurationOnly`: only what the server's configuration holds (`this.configService.serviceMode`), never a name
  // alone (`searchConfig.mode` may come from the request) nor a check handed values (`uniqueEnabled(type)`).
  if (configurationOnly && passed.size > 0) return undefined;
  // `const endpointSecret = env.STRIPE_WEBHOOK_SECRET; if (!endpointSecret)`: the name is a local copy of the setting
  // (of the configuration only: what a missing secret makes of a 401 is a fault of the server, not a refusal).
  const copy = /^!?\s*\(?\s*([\w$]+)\s*\)?$/.exec(guard.text.trim())?.[1];
  // `req.env` beside `env.CHAT_HISTORY` (`const { env } = req`), `configuration.AUTH` beside `AUTH.OAUTH2.CLIENT_ID`: where
  // a local name came from, not read by the condition itself; what is read off the configuration is a setting.
  const origins = read.filter((name) => name.includes('.') && read.some((other) => other !== name && other.startsWith(`${lastSegment(name)}.`)));
  const settingRoots = new Set(origins.filter((name) => SETTINGS_OBJECT.test(`${name}.`) || /(?:^|\.)env$/.test(name)).map(lastSegment));
  const own = read.filter((name) => !origins.includes(name));
  const settings = own.filter((name) => SETTINGS_OBJECT.test(name) || settingRoots.has(name.split('.')[0]) || (!configurationOnly && SETTING_NAME.test(lastSegment(name))));
  const copied = configurationOnly && copy !== undefined && settings.length > 0 && own.every((name) => name === copy || settings.includes(name));
  return settings.length > 0 && (settings.length === own.length || copied) ? `\`${settings[0]}\`` : undefined;
}

/**
 * Does the condition only ask whether values of the configuration are there (`!AUTH.OAUTH2.CLIENT_ID || !AUTH.OAUTH2.TOKEN_URL`),
 * not how a flag is set (`!multiUserMode`)? Then the server lacks its own configuration.
 */
export function testsMissingSettingValues(guard: GuardEvidence): boolean {
  if (!guard.negated) return false;
  const parts = guard.text.replace(/\s*\|\|\s*[^|]*\.\.\.$/, '').split('||').map((part) => part.trim());
  return parts.every((part) => /^!\s*[\w$]+(?:\??\.[\w$]+)+$/.test(part) && !SETTING_NAME.test(lastSegment(part.replace(/\?\./g, '.'))));
}

/** Process-wide state of the server: `global.activeSandbox`, `globalThis.conversationState`. */
const PROCESS_STATE = /^(?:global|globalThis)\.[\w$]/;

/**
 * A condition that reads only what the server process holds (`if (!global.activeSandbox)`): the state the server is
 * in decides it, nothing the request holds.
 */
export function processStateEvidence(guard: GuardEvidence): string | undefined {
  const { passed, read } = readByCondition(guard);
  // `global.activeSandbox` and `global` itself, as the fact lists a member and its object.
  const own = read.filter((name) => name !== 'global' && name !== 'globalThis');
  return passed.size === 0 && own.length > 0 && own.every((name) => PROCESS_STATE.test(name)) ? `\`${own[0]}\`` : undefined;
}
