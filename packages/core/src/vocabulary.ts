// The shared text classifier: what a message in code or a description in a spec says about a response.
import { GateIndex, gatedExec, requiredWords } from './regex-gate.js';

/** The meanings the rules care about. */
export type Signal =
  | 'permission-denied'
  | 'authentication-failure'
  | 'state-conflict'
  | 'business-rule'
  | 'syntax-error'
  | 'upstream-failure'
  | 'upstream-timeout'
  | 'upstream-unavailable'
  | 'own-failure'
  | 'not-found'
  | 'gone'
  | 'rate-limited'
  /** The server refuses by its own configuration: "Payment is disabled", "Google sign-in is not enabled on this instance". */
  | 'feature-disabled'
  | 'error-text';

export interface SignalMatch {
  readonly signal: Signal;
  /** The words that matched, as they stand in the normalized text. */
  readonly phrase: string;
  /**
   * Strong matches decide alone; medium ones decide only when no opposing signal is present ("access denied"
   * alone reads as a refusal, beside "invalid token" as a credential problem); weak ones never decide.
   */
  readonly strength: 'strong' | 'medium' | 'weak';
}

export interface Classification {
  readonly matches: readonly SignalMatch[];
  /** Matches that were found but negated ("no upstream call was made"). */
  readonly negated: readonly SignalMatch[];
}

interface Pattern {
  readonly signal: Signal;
  readonly re: RegExp;
  readonly strength?: 'strong' | 'medium' | 'weak';
}

/** Things called a key that are no credential: an object's key in storage, a table's, a translation's, a licence's. */
const NON_CREDENTIAL_KEY = String.raw`(?:s3|storage|object|file|cache|bucket|primary|foreign|sort|partition|idempotency|translation|i18n|license|licence|upload|blob)`;
const AUX = String.raw`(?:do|does|did|is|are|was|were|has|have|had|can|could|may|will|would|must|should)`;
// Not "grant": in OAuth a grant is a credential ("invalid or missing grant" is a 401 done right).
const PERMISSION_NOUN = String.raw`(?:permissions?|privileges?|rights?|roles?|scopes?|access rights?|authori[sz]ations? to|clearance|entitlements?|acl)`;
const ACTOR = String.raw`(?:you|user|caller|client|account|token|key|api key|principal|member|requester|application|app|identity|credentials?|subject|organization|organisation|he|she|they|it)`;
const ACTION_VERB = String.raw`(?:access|perform|view|read|see|modify|update|edit|change|delete|remove|create|manage|use|invoke|call|execute|list|write|publish|approve|do)`;

/*
 * Each signal is a list of patterns over normalized text (lower case, single spaces, snake and camel case split).
 * Patterns for denial include the denial itself ("no permission", "lacks the scope"), so "permission granted"
 * never matches; negation in front of a match ("this is not a permission problem") is handled separately.
 */
/** Hosted services a message may name as where a step of the work went: "from GitHub", "to S3", "with Stripe" (as
 * normalized text: a name in camel case is split, "GitHub" reads "git hub"). */
const HOSTED_SERVICE = String.raw`(?:git ?hub|git ?lab|bit ?bucket|stripe|pay ?pal|braintree|adyen|plaid|slack|discord|twilio|send ?grid|mailgun|postmark|resend|open ?ai|anthropic|gemini|google(?: drive| calendar| maps| cloud)?|gmail|microsoft|azure|aws|s3|sqs|sns|ses|cloudflare|vercel|netlify|shopify|salesforce|hub ?spot|notion|airtable|dropbox|spotify|twitter|facebook|instagram|linked ?in|telegram|whats ?app|firebase|zoom|jira|confluence|trello|asana|figma|you ?tube|twitch|steam|auth0|okta|clerk|docker ?hub|pinecone|replicate|hugging ?face|lemon ?squeezy|paddle|razorpay|mercado ?pago|algolia|contentful|sanity|cloudinary|mapbox|sentry|datadog|pager ?duty|intercom|zendesk|mail ?chimp|brevo|sendinblue|nango|gitea|keycloak)`;

const PATTERNS: readonly Pattern[] = [
  // --- permission denial: the caller is known and the answer is no (403) ---
  { signal: 'permission-denied', re: /\bforbidden\b/ },
  { signal: 'permission-denied', re: new RegExp(String.raw`\b(?:insufficient|inadequate|missing|lacking|lacks?|not enough|without(?: the)?(?: required| necessary| sufficient| proper)?)(?: the)?(?: required| necessary| sufficient| proper| appropriate| needed)? (?:[\w.:\-/']+ ){0,5}${PERMISSION_NOUN}`) },
  { signal: 'permission-denied', re: new RegExp(String.raw`\b(?:insufficient|inadequate) (?:access|authority|authorization|authorisation|clearance)\b`) },
  { signal: 'permission-denied', re: new RegExp(String.raw`\b${AUX}(?: not|n't)(?: yet)? (?:have|hold|possess|own|got|include|contain|carry|grant)(?: the| any| a| an| enough| sufficient| required| necessary| proper| appropriate| valid| correct| right)*(?: [\w.:\-/']+){0,3}? (?!authori[sz]ations? to)${PERMISSION_NOUN}`) },
  // "You don't have the authorization to ...": in HTTP, authorization is also the credential a 401 asks for.
  { signal: 'permission-denied', re: new RegExp(String.raw`\b${AUX}(?: not|n't)(?: yet)? (?:have|hold|possess|got)(?: the| any| enough| sufficient| required| necessary| proper)* authori[sz]ations? to\b`), strength: 'medium' },
  { signal: 'permission-denied', re: new RegExp(String.raw`\b${AUX}(?: not|n't) (?:have|hold|possess|got)(?: the| any| enough| sufficient| required| necessary| proper)* access\b`) },
  { signal: 'permission-denied', re: new RegExp(String.raw`\b(?:no|without) (?:[\w-]+ )?(?:permissions?|privileges?|access rights?|rights to|authority to|clearance)\b`) },
  { signal: 'permission-denied', re: /\bpermission(?:s)? (?:denied|missing|required|check failed|error|refused|insufficient|not granted)\b/ },
  { signal: 'permission-denied', re: /\b(?:denied|refused) (?:permission|access to (?:this|the|that) (?:resource|project|repository|organization|organisation|team|workspace|account|record|file|document|folder))\b/ },
  { signal: 'permission-denied', re: new RegExp(String.raw`\b(?:role|scope|permission|privilege|plan|subscription|policy|acl|access level|membership)s? (?:${AUX} )?(?:not|n't|never)? ?(?:allow|permit|grant|authori[sz]e|include|cover)s? (?:you|this|it|the|access|that)\b`) },
  { signal: 'permission-denied', re: new RegExp(String.raw`\b(?:role|scope|permission|privilege|access level|policy|account(?:'s)? status|account|plan|subscription|tier|license|licence)s? (?:${AUX}(?: not|n't)|does not|doesn't|do not|don't) (?:allow|permit|grant|authori[sz]e|include|cover)`) },
  // An identified account whose plan, billing or settings refuse it: "This feature isn't enabled", "Your trial has expired".
  { signal: 'permission-denied', re: /\b(?:this |the )?(?:feature|functionality|capability|add-?on|module|product|service) (?:is not|isn't|is not yet|has not been|hasn't been) (?:enabled|activated|included|turned on)(?! (?:on|for) (?:this|the) (?:server|instance|deployment|installation|environment))\b/ },
  // "Missing Access" (Discord's 50001, copied by its clones): the caller lacks access, not a field.
  { signal: 'permission-denied', re: /^missing access\s*(?:$|[.!:;,(])/ },
  // "Document OCR is not enabled for customer 12": a capability the caller's account does not have.
  { signal: 'permission-denied', re: /\b(?:is|are) not (?:enabled|activated|available) for (?:this |the |your )?(?:customer|account|user|organi[sz]ation|workspace|project|tenant|team|plan|subscription)\b/ },
  { signal: 'permission-denied', re: /\b(?:billing status|payment status) (?:needs attention|is (?:not|in)|requires|must be)|\b(?:your |the )?(?:trial|subscription|plan|license|licence|premium) (?:has |is )?(?:expired|ended|exceeded|lapsed|(?:is )?(?:inactive|not active|suspended|cancel+ed))\b|\b(?:user|account|you) (?:is |are )?not (?:premium|a premium (?:user|member)|subscribed|a subscriber)\b|\bno active (?:subscription|plan|license|licence)\b/ },
  { signal: 'permission-denied', re: /\b(?:not|isn't|aren't|never) (?:allowed|permitted|entitled) to \w+/, strength: 'medium' },
  { signal: 'permission-denied', re: new RegExp(String.raw`\b(?:not|isn't|aren't) (?:eligible) to ${ACTION_VERB}\b`) },
  { signal: 'permission-denied', re: /\b(?:not|isn't|aren't|is not|are not) (?:allowed|permitted)\b/, strength: 'weak' },
  { signal: 'permission-denied', re: /\b(?<!http )(?:action|operation|resource) (?:is )?(?:not allowed|not permitted|prohibited|restricted)\b/ },
  { signal: 'permission-denied', re: /\baccess (?:is )?(?:not allowed|not permitted|prohibited|restricted)\b/, strength: 'medium' },
  { signal: 'permission-denied', re: /\b(?:not|isn't|aren't) authori[sz]ed (?:to|for) \w+/, strength: 'medium' },
  { signal: 'permission-denied', re: /\b(?:admins?|administrators?|owners?|superusers?|staff|moderators?|maintainers?) only\b/ },
  { signal: 'permission-denied', re: /\bonly (?:the )?(?:admins?|administrators?|owners?|superusers?|staff|moderators?|maintainers?|organi[sz]ation owners?|account owners?|project owners?|creators?|authors?)(?: of [\w ]+)? (?:can|may|are allowed|is allowed|have access)\b/ },
  { signal: 'permission-denied', re: /\bonly (?!(?:authenticated|logged|signed|registered|valid|verified|active|one|two|three|a|an|\d+)\b)(?:[\w'-]+,? ){1,12}?(?<!\b(?:fields?|parameters?|params?|properties|property|attributes?|keys?|columns?|values?|characters?|formats?|types?|extensions?|options?) )(?:can|may|is allowed to|are allowed to|are permitted to|is permitted to|has access|have access)\b/ },
  { signal: 'permission-denied', re: /\brequires? (?:an? |the )?(?:[\w.:\-/`']+ )?(?:admin(?:istrator)?|owner|elevated|write|read|manage|editor|superuser|root) (?:role|scope|permissions?|privileges?|rights|access)\b/ },
  { signal: 'permission-denied', re: /\brequires? (?:the )?(?:[\w.:\-/`']+ )(?:scope|role|permission|privilege)s?\b/ },
  { signal: 'permission-denied', re: /\b(?:missing|required) (?:oauth )?scopes?\b/ },
  { signal: 'permission-denied', re: new RegExp(String.raw`\b(?:not|isn't|aren't|is not|are not) (?:the|an?) (?:owner|admin|administrator|member|collaborator|creator|author)\b`) },
  { signal: 'permission-denied', re: new RegExp(String.raw`\b${ACTOR} (?:${AUX}(?: not|n't)|doesn't|don't) (?:own|belong to)\b`) },
  { signal: 'permission-denied', re: /\b(?:does not|doesn't|do not|don't) belong to (?:you|the (?:user|caller|account|requester|authenticated user|current user)|your)\b/ },
  { signal: 'permission-denied', re: /\b(?:belongs to|owned by) (?:another|a different) (?:user|account|organi[sz]ation|tenant|team)\b/ },
  { signal: 'permission-denied', re: new RegExp(String.raw`\b${AUX}(?: not|n't) (?:have|has) access to\b`) },
  { signal: 'permission-denied', re: /\bno access to\b/ },
  { signal: 'permission-denied', re: /\baccess (?:is |was )?denied\b/, strength: 'medium' },
  { signal: 'permission-denied', re: /\bnot accessible (?:by|to|for|with)\b/ },
  { signal: 'permission-denied', re: /\b(?:restricted|limited|reserved) to\b/ },
  { signal: 'permission-denied', re: /\bnot enabled for (?:this|your|the) (?:api key|key|token|account|user|role|plan|app|application|client|organi[sz]ation|project)\b/ },
  // Not "only available to signed-in users": who may, once known, not who the caller is.
  { signal: 'permission-denied', re: /\b(?:only|exclusively) (?:allowed|available|permitted|accessible|enabled) (?:for|to)\b(?! (?:the )?(?:authenticated|logged[ -]?in|signed[ -]?in|registered|identified)\b)/ },
  { signal: 'permission-denied', re: /\b(?:premium|pro|paid|enterprise|business|admin|elevated) (?:subscription |plan |account |access |tier |role )?(?:is )?required\b/ },
  { signal: 'permission-denied', re: /\b(?:has|have) not (?:the |any |enough )?(?:permissions?|rights?|privileges?|access)\b/ },
  { signal: 'permission-denied', re: /\b(?:is|are) (?:neither|not) (?:the |an? )?(?:[\w'-]+ ){0,2}(?:holder|owner|assignee|member|admin|administrator|participant|author|creator|adjuster|manager|collaborator|maintainer)s?\b/ },
  { signal: 'permission-denied', re: /\bauthenticated,? but\b/ },
  { signal: 'permission-denied', re: /\bcan only be [\w-]+ by (?:the |its |their )?(?:[\w-]+ )?(?:that|who) (?:created|owns|uploaded|authored|submitted|invited|added)\b/ },
  { signal: 'permission-denied', re: /\b(?:may|can) only [\w-]+ (?:[\w-]+ ){0,6}(?:under their care|(?:they|you) (?:own|created|manage)|their own|your own|assigned to (?:them|you))\b/ },
  { signal: 'permission-denied', re: /\b(?:lacks?|lacking) (?:the |an? |any )?(?:required |necessary |needed )?authori[sz]ations?\b/ },
  { signal: 'permission-denied', re: /\b(?:who|that) (?:are|is) not (?:an? |the )?(?:[\w'-]+ ){1,4}(?:are|is|get|gets|receive|receives|will be) (?:refused|rejected|denied|blocked|forbidden|turned away)\b/ },
  { signal: 'permission-denied', re: /\b(?:visible|available|accessible|allowed|open) (?:only )?(?:to|for)\b(?: [\w'-]+){1,8} only\b/ },
  { signal: 'permission-denied', re: /\bonly (?:be )?(?:[\w'-]+ ){0,4}(?:by|to|for) (?:the |their |its )?(?:owner|owners|author|authors|creator|creators|admins?|administrators?|members?|assignee|uploader|staff)\b/ },
  { signal: 'permission-denied', re: /\b(?:only|just) (?:[\w'-]+ ){0,4}(?:your|their|his|her|its) own\b/ },
  { signal: 'permission-denied', re: /\b(?:role|scope|permission|privilege|plan|access level|policy|membership|api key|key|token|account|subscription|license|licence|group)s?\b(?: [\w'-]+){0,4} (?:does not|doesn't|do not|don't|cannot|can't|won't|did not) (?:allow|permit|grant|authori[sz]e|include|cover|give|provide)\b/ },
  { signal: 'permission-denied', re: /\bmust (?:have|hold|be granted|possess) (?:the |an? )?(?:[\w.:'-]+ ){0,3}(?:rights|role|roles|permissions?|privileges?|scopes?|access level)\b/ },
  { signal: 'permission-denied', re: /\bmust be (?:an? |the )?(?:admin|administrator|owner|member|collaborator|maintainer|moderator|superuser|organi[sz]ation owner|project owner|team member)s?\b/ },
  // "Worker owner must be a workspace member": a member of what the request names, which the caller or its pick is not.
  { signal: 'permission-denied', re: /\bmust be an? (?:workspace|team|project|organi[sz]ation|org|group|channel|board|space|tenant|company|server|guild|repository|repo) (?:member|admin|owner|collaborator)s?\b/ },
  // "Email not verified", "A verified email is required to sign in": a known account its own state refuses.
  { signal: 'permission-denied', re: /\b(?:e-?mail|account)(?: address)? (?:has to|must|needs to) be (?:verified|confirmed)\b|\b(?:e-?mail|account|user|phone(?: number)?)(?: address)? (?:is |has )?not (?:yet )?(?:been )?(?:verified|confirmed)\b|\b(?:a |your )?verified e-?mail(?: address)? is required\b|\bverify your e-?mail(?: address)? (?:first|before|to)\b/, strength: 'medium' },
  // "Organization does not allow sharing secrets outside of it": the policy of what the caller belongs to.
  { signal: 'permission-denied', re: /\b(?:organi[sz]ation|org|workspace|team|tenant|company)(?:'s)? (?:settings? |policy |policies )?(?:does not|doesn't|do not|don't) (?:allow|permit)\b/ },
  // "Website add-on unavailable during trial": a plan's rule on a known account.
  { signal: 'permission-denied', re: /\b(?:unavailable|not available|not allowed|disabled) (?:during|on|for|in) (?:the |a |your )?(?:free )?(?:trial|free plan|free tier)\b/ },
  { signal: 'permission-denied', re: /\b(?:insufficient|inadequate) (?:rights|permission level|access level)\b/ },
  { signal: 'permission-denied', re: /\bprivilege(?:s)? (?:are |is )?(?:insufficient|too low|required)\b/ },
  { signal: 'permission-denied', re: /\bunauthori[sz]ed (?:to|for) (?:perform|access|view|modify|update|delete|create|manage|this action|this operation)\b/, strength: 'weak' },
  // An identified caller the API will not serve: not enough rights, an account or plan that does not allow it.
  { signal: 'permission-denied', re: /\bnot (?:sufficiently|properly) authori[sz]ed\b|\b(?:user|caller|client|account|you) (?:cannot|can't|can not|is unable to|are unable to) access (?:this |the |that )?(?:resource|record|data|item|object|page|project|organi[sz]ation|workspace)\b/ },
  { signal: 'permission-denied', re: /\bnot authori[sz]ed to (?:use|access|perform|call|invoke|view|modify|delete|manage) (?:this|the|that)\b/, strength: 'medium' },
  // "No subscription found", "no active plan": the caller is known, their plan does not cover this.
  { signal: 'permission-denied', re: /\bno (?:active |valid |paid |current )?(?:subscription|plan|license|licence)s?(?: (?:found|exists?|available))?\b/, strength: 'medium' },
  // "User is suspended - cannot register device": a known account the server refuses.
  { signal: 'permission-denied', re: /\b(?:user|account|organi[sz]ation|org|member|team|workspace|tenant|customer|owner)(?: account)? (?:is|has been|was) (?:currently |temporarily |permanently )?(?:suspended|banned|deactivated|disabled|inactive|blocked|taken down|frozen)\b/ },
  { signal: 'permission-denied', re: /\b(?:feature (?:is )?not enabled|bad account status|account (?:is )?(?:suspended|disabled|inactive|locked|not active)|trial (?:has )?(?:exceeded|expired|ended)|plan (?:does not|doesn't) (?:include|allow|support))\b/, strength: 'medium' },

  // Messages are not always in English: the most common refusals in Spanish, French, German, Portuguese and Italian.
  { signal: 'permission-denied', re: /(?:no tienes? permiso|sin permiso|permiso denegado|acceso denegado|no autorizado para|solo (?:los |las )?(?:administradores|propietarios|due[ñn]os)|acc[eè]s refus[ée]|permission refus[ée]e|vous n'avez pas (?:la permission|les droits|le droit)|droits insuffisants|port[ée]e insuffisante|r[ée]serv[ée]e? aux|keine berechtigung|zugriff verweigert|nur f[üu]r|fehlende berechtigung|unzureichende berechtigung|sem permiss[ãa]o|acesso negado|permesso negato|accesso negato)/ },
  { signal: 'state-conflict', re: /(?:ya existe|ya est[áa]|ya fue|ya ha sido|duplicado|existe d[ée]j[àa]|d[ée]j[àa] (?:pay|utilis|enregistr|existant|pris|annul)|doublon|bereits (?:vorhanden|vergeben|existiert|bezahlt|storniert|registriert)|existiert bereits|j[áa] existe|gi[àa] (?:esistente|presente|esiste))/ },
  { signal: 'business-rule', re: /(?:no se puede cancelar|saldo insuficiente|fondos insuficientes|stock insuficiente|sin stock|stock insuffisant|solde insuffisant|fonds insuffisants|has alcanzado el l[íi]mite|l[íi]mite de (?:miembros|usuarios|tu plan)|ung[üu]ltiger status[üu]bergang|nicht gen[üu]gend|unzureichendes guthaben|kontingent ersch[öo]pft|saldo insufficiente|estoque insuficiente)/ },

  // Chinese, as servers written in China answer (no `\b`: CJK characters are not word characters). Only phrases that
  // say one thing: "未授权" (unauthorized) is used for both a missing and a refused caller and is left out.
  { signal: 'permission-denied', re: /(?:没有|无)[\u4e00-\u9fff]{0,4}权限|权限不足|无权(?:访问|操作|删除|修改|查看|编辑)|拒绝访问|禁止访问|不属于(?:当前用户|你|您|该用户)|(?:仅|只有|只允许)管理员|需要管理员权限/ },
  { signal: 'state-conflict', re: /已(?:经)?存在|已被(?:占用|使用|注册|绑定)|已(?:经)?注册/ },
  { signal: 'not-found', re: /不存在|未找到|找不到|没有找到/ },
  { signal: 'rate-limited', re: /(?:请求|操作|访问)(?:过于|太)频繁/ },
  // The server's own setup missing or incomplete: "OSS 配置不完善" (configuration incomplete), "SMTP 未配置" (not configured).
  { signal: 'feature-disabled', re: /(?:未|没有|尚未)配置|配置(?:不完善|不完整|缺失|错误)/ },

  // --- authentication failure: the caller is not known (401) ---
  { signal: 'authentication-failure', re: /\b(?:unauthenticated|not authenticated|authentication (?:is )?(?:required|failed|failure|error|missing|needed|credentials)|requires? (?:user )?authentication|must (?:be )?(?:authenticated|logged in|signed in)|log ?in (?:is )?required|sign ?in (?:is )?required|not (?:logged|signed) in|please (?:log|sign) in)\b/ },
  { signal: 'authentication-failure', re: new RegExp(String.raw`\b(?:invalid|expired|missing|malformed|bad|revoked|wrong|incorrect|unknown|absent|empty|unrecognized|unrecognised|disabled|no|not provided|not valid|inactive|stale|bogus|unsigned|no valid)(?: or (?:invalid|expired|missing|malformed|revoked|wrong|incorrect|unknown|absent|empty|unrecognized|not provided|not valid|inactive))?(?: or)? (?:(?!${NON_CREDENTIAL_KEY} )\w+ )?(?:access |auth |bearer |session |api |oauth |refresh |id |jwt |authentication |authorization |basic )?(?:tokens?|credentials?|api[- ]?keys?|keys?|passwords?|signatures?|sessions?|jwts?|cookies?|auth(?:entication|orization)? (?:headers?|tokens?|credentials)|login|username|secret|client id|certificate)\b`) },
  { signal: 'authentication-failure', re: new RegExp(String.raw`\b(?<!\b${NON_CREDENTIAL_KEY} )(?:tokens?|credentials?|api[- ]?keys?|keys?|passwords?|signatures?|sessions?|jwts?|cookies?|login) (?:is |are |was |has |have )?(?:been )?(?:invalid|expired|missing|malformed|revoked|incorrect|wrong|not valid|not provided|not found|absent|required|rejected|unknown|inactive)\b(?! (?:the |a |an |any )?(?:required |necessary |needed )?(?:[\w.:-]+ )?(?:scopes?|permissions?|roles?|privileges?|rights)\b)`) },
  { signal: 'authentication-failure', re: /\b(?:bad|invalid|wrong) (?:username|user name|email) (?:or|and|\/) password\b/ },
  // "The email or password you have entered is invalid": a sign-in that failed, said of both fields at once.
  { signal: 'authentication-failure', re: /\b(?:username|user name|e-?mail|login) (?:or|and|\/) password(?: [\w']+){0,4} (?:is|are|was|were) (?:invalid|incorrect|wrong|not (?:valid|correct))\b/ },
  { signal: 'authentication-failure', re: /\b(?:authentication|auth|login|sign[- ]in) (?:failed|failure|error)\b/ },
  { signal: 'authentication-failure', re: /\bsession (?:has )?(?:expired|timed out|ended)\b/ },
  // Chinese: not signed in, a sign-in expired, a password or token that failed.
  { signal: 'authentication-failure', re: /未登录|请(?:先)?登录|登录(?:已)?(?:过期|失效|超时)|(?:用户名|账号|帐号|邮箱)或密码(?:错误|不正确)|密码(?:错误|不正确)|(?:令牌|token|凭证|签名)(?:无效|已过期|过期|错误)|无效的(?:令牌|token|凭证)|(?:身份)?认证失败|身份验证失败/ },
  // "No authenticated admin session", "no logged-in user": nobody is signed in, whatever kind of caller was needed.
  { signal: 'authentication-failure', re: /\bno (?:authenticated|logged[- ]in|signed[- ]in|current) (?:[\w-]+ )?(?:session|user|account|caller|principal|identity)\b/ },
  { signal: 'authentication-failure', re: /\bwithout (?:signing|logging) (?:in|on)\b|\b(?:sign|log) (?:in|on) again\b/ },
  { signal: 'authentication-failure', re: /\b(?:invalid|expired|missing|revoked|unknown|bad)(?: or (?:invalid|expired|missing|revoked|unknown))? (?:authori[sz]ation |oauth |refresh )?grants?\b/ },
  { signal: 'authentication-failure', re: /\b(?:ensure|check|make sure|verify)(?: that)? (?:a |an |the |your )?valid (?:access |api |bearer |auth |session )?(?:tokens?|keys?|credentials?)\b/ },
  { signal: 'authentication-failure', re: /\banonymous (?:access|users?|requests?|callers?|clients?)\b|\bsign (?:in|on) (?:with|first|to|using)\b/ },
  { signal: 'authentication-failure', re: /\b(?:not authed|invalid auth|no auth|auth required|token revoked|account inactive|invalid client|client authentication failed)\b/ },
  { signal: 'authentication-failure', re: /\b(?:no|without) (?:valid )?(?:authorization|authentication|auth) (?:header|token|information|credentials|provided)?\b/ },
  { signal: 'authentication-failure', re: /\b(?:token|credentials) (?:could not be|cannot be|can't be) (?:verified|validated|decoded|authenticated)\b/ },
  { signal: 'authentication-failure', re: /\bwww-authenticate\b/ },

  // --- state conflict (409) ---
  { signal: 'state-conflict', re: /\b(?<!(?:who|that|which) )already (?:exists?|registered|taken|in use|used|been used|been (?:cancel+ed|processed|completed|paid|deleted|submitted|approved|confirmed|closed|archived|verified|redeemed|claimed|accepted|published)|cancel+ed|completed|processed|paid|deleted|archived|verified|confirmed|submitted|closed|subscribed|(?:a|an) (?:[a-z]+ )?(?:member|subscriber|participant|collaborator)|assigned|linked|connected|enabled|disabled|active|inactive|live|online|offline|running|started|finished|locked|redeemed|claimed|accepted|published|reserved|booked|present|defined|created|uploaded|installed|associated|added|there)\b/ },
  // Duplicates inside the request itself ("duplicate stepIds are not allowed", "duplicate ids in the list") are validation.
  { signal: 'state-conflict', re: /\b(?<!(?:prevents?|preventing|avoids?|avoiding|stops?|no|to|cannot|can't|not) )(?:duplicate|duplicated|duplication)\b(?! (?:[\w'-]+ )?(?:fields?|keys?|parameters?|params?|property|properties|headers?|attributes?|columns?|query|entries in|values? in the request))(?! (?:[\w'-]+ ){0,3}(?:(?:are|is) not (?:allowed|permitted|supported)|in (?:the |this |your )?(?:request|body|payload|list|array|input|batch)|within (?:the |a )?(?:request|body|payload|list|array|batch)))/ },
  { signal: 'state-conflict', re: /\b(?:conditional check|precondition|condition) (?:failed|not met|was not met|evaluated to false)\b/ },
  // "Shared module is archived": a state the target is in, not the request's shape. Not "has been archived", which
  // reports the archiving just done.
  { signal: 'state-conflict', re: /\b(?:is|are) (?:currently |still )?archived\b(?! (?:successfully|now))/ },
  // "Array must be running to mount disks", "The VM must be stopped before resizing": a state the thing is not in.
  { signal: 'state-conflict', re: /\bmust be (?:running|stopped|started|paused|mounted|unmounted|online|offline|idle|shut down|powered (?:on|off)) (?:to|before|in order to|for)\b/ },
  // "Array state is still being updated": a change under way that this request would race.
  { signal: 'state-conflict', re: /\b(?:is|are) still being (?:updated|processed|created|deleted|provisioned|built|deployed|started|stopped|migrated|synced|synchronized)\b/ },
  // "Two-factor authentication is not enabled" (to disable it, or use a backup code): the account's state.
  { signal: 'state-conflict', re: /\b(?:two[- ]?factor|2fa|mfa|totp)(?: authentication)? (?:is )?not (?:yet )?(?:enabled|set up|configured|active)\b/ },
  { signal: 'state-conflict', re: /\b(?:is|are) not (?:yet )?ready (?:for|to|yet)\b|\bnot ready yet\b/ },
  // "Queue is not paused" (or the key `QUEUE_NOT_PAUSED`), "Job is not retriable": the resource is not in the state the
  // operation needs. Only states a resource moves through, never "not valid" or "not allowed".
  // "game 12 in wrong state: ended", "Order is in an invalid state", "invalid queue state": the record's state, not the
  // request's shape. Not a bare "Invalid state" (OAuth's `state` parameter), nor a request's own state field.
  { signal: 'state-conflict', re: /\bin (?:a |an |the |its )?(?:wrong|invalid|incorrect|unexpected|bad) (?:[\w-]+ )?state\b|\b(?:wrong|invalid|incorrect|unexpected) (?!(?:oauth|o-?auth2?|csrf|auth\w*|request|query|url|callback|session|param\w*|redirect|login|sso|saml|oidc)\b)[a-z][\w-]+ state\b(?! (?:param\w*|value|field|token|cookie|string))/ },
  { signal: 'state-conflict', re: /\b(?:(?:is|are|was|were) )?not (?:yet |currently )?(?:paused|running|started|stopped|finished|completed|archived|published|unpublished|locked|unlocked|closed|opened|pending|retriable|retryable|editable|deletable|cancell?able|resumable|draft|in (?:a |the )?(?:[\w-]+ )?state)\b/ },
  // "Cancellation of the task is not possible", "Cannot delete an active workflow", "The name is used by another screen".
  { signal: 'state-conflict', re: /\b(?:cancel+ation|deletion|removal|update|modification|transition) (?:of (?:the|this|that) [\w-]+ )?is not (?:possible|allowed)(?: (?:any ?more|now|in (?:its|the) current state))?\b|\bcannot (?:delete|remove|edit|modify|update|change|cancel) (?:an? |the )?(?:active|running|published|locked|archived|in-use|in use|default|current)\b|\b(?:is|are) (?:already )?(?:used|taken|in use) by another\b/ },
  // "Category still has apps, cannot delete", "cannot delete a team that still has members": other records still depend on it.
  { signal: 'state-conflict', re: /\bstill (?:has|have|contains|includes|holds) [\w -]{1,30}?[,;:.-]? (?:so (?:it )?)?(?:cannot|can't|can not) (?:be )?(?:delete|remove)d?\b|\b(?:cannot|can't|can not) (?:delete|remove) [\w -]{1,30}? (?:that|which|while it) still (?:has|have|contains|includes|holds)\b/ },
  { signal: 'business-rule', re: /\b(?:where|when|if|because|as|since) [\w-]+(?: [\w-]+)? (?:is|are) disabled\b|\bconfirmation (?:is )?required\b/ },
  // "You cannot remove yourself from the team", "can't demote your own account": a rule about the caller's own record.
  { signal: 'business-rule', re: /\b(?:cannot|can't|can not|may not|are not allowed to|aren't allowed to) (?:[\w-]+ ){1,2}(?:(?:[\w-]+ ){0,2}(?:to|on|for|against|from) )?(?:yourself|(?:your )?own (?:account|user|membership|role|admin|access|password|profile))\b/ },
  // "Domain is banned", "this email address has been blocked": a policy on a value that parses.
  { signal: 'business-rule', re: /\b(?:domain|host|hostname|url|link|address|email|ip|country|region|target)s? (?:is|are|has been|have been|was|were) (?:banned|blocked|blacklisted|blocklisted|not allowed)\b(?<!\burls? (?:is|are) not allowed)/ },
  // --- the server refuses by its own configuration (403, or 501 when it lacks the capability) ---
  { signal: 'feature-disabled', re: /\b(?:is|are|has been|have been) (?:currently |temporarily )?(?:disabled|turned off|switched off)(?! (?:for (?:this|your|the) (?:user|account|key|token)))\b/ },
  // "PM system currently disabled": said without the verb.
  { signal: 'feature-disabled', re: /\b(?:currently|temporarily) (?:disabled|turned off|switched off)\b/ },
  { signal: 'feature-disabled', re: /\b(?:is|are|isn't|aren't) (?:not )?(?:enabled|available|supported|allowed) (?:on|in|for) (?:this|the) (?:server|instance|deployment|installation|environment|site|host)\b/ },
  // "This endpoint is unavailable due to current configurations": the server's settings refuse it.
  { signal: 'feature-disabled', re: /\b(?:is|are) (?:currently )?(?:unavailable|disabled|not available) (?:due to|because of|by) (?:the )?(?:current |server |instance |site )?(?:configurations?|config|settings)\b/ },
  // "Please contact support@x.com to unblock this feature", "If you're interested in ZDR, please contact support": the
  // account has not been given what it asks for.
  { signal: 'permission-denied', re: /\bcontact (?:us|support|sales|our (?:support|sales)(?: team)?|[\w.+-]+@[\w.-]+)\b[^.!?]{0,40}?\bto (?:unblock|enable|unlock|activate|get access to|request access to) (?:this|the|that)\b|\bif you(?:'re| are) interested in\b[^.!?]{0,60}?\bcontact (?:us|support|sales|[\w.+-]+@[\w.-]+)\b/ },
  { signal: 'feature-disabled', re: /\bread-only (?:demo|mode|instance)\b|\b(?:is|are) (?:not|n't) (?:configured|set up)(?: (?:on|for) (?:this|the) (?:server|instance|deployment))?\b|\bnot (?:been )?configured (?:on|for) (?:this|the) (?:server|instance|deployment)\b/ },
  // "Metrics not enabled", "Registration not enabled": a short statement that a part of the server is switched off.
  { signal: 'feature-disabled', re: /^(?:the |this )?(?:[\w-]+ ){1,2}(?:is |are )?not (?:enabled|turned on)\.?$/ },
  // "This server is invite only": registration by the server's own policy.
  { signal: 'feature-disabled', re: /\b(?:server|instance|site|workspace|platform|registration|sign-?up|this app) (?:is |are )?(?:currently )?invite[- ]only\b/ },
  // "Memory not configured for agent", "SMTP not configured": what the server lacks, not what the request sent.
  { signal: 'feature-disabled', re: /^(?:the |this |no )?(?:[\w-]+ ){1,3}(?:is |are |has |have )?not (?:been )?(?:configured|set up)(?: (?:for|on) (?:this |the |an? )?[\w-]+)?\.?$/ },
  // "No inference client configured", "No SMTP server set up": the whole message says the server lacks it.
  // Not "No active prompts configured": what the user set up for their own records is no server setting.
  { signal: 'feature-disabled', re: /^no (?:[\w-]+ ){0,2}(?:client|server|provider|backend|service|smtp|mailer|storage|bucket|engine|integration|api key|credentials)s? (?:is |are |has been |was )?(?:configured|set up)\.?$/ },
  // "Invitations can only be sent to work emails", "We only accept work email addresses": a policy on a value that parses.
  { signal: 'business-rule', re: /\b(?:only (?:accepts?|allows?|supports?|be sent to)|must use|please use) (?:a |your )?(?:work|business|company|corporate|professional) e-?mails?(?: address(?:es)?)?\b|\bnon-business e-?mail\b/ },
  // "You're trying to assign more of this asset than are available": more than the stock the server holds.
  { signal: 'business-rule', re: /\bmore (?:[\w'-]+ ){0,4}than (?:(?:are|is|there are|there is|you have) )?(?:available|in stock|remaining|left)\b/ },
  // "Cannot transition event from ONGOING to SCHEDULED": a move the record's current state does not allow.
  { signal: 'state-conflict', re: /\b(?:cannot|can't|can not|unable to) (?:transition|move|change|switch) (?:[\w-]+ ){0,3}from [\w-]+ to [\w-]+/ },
  // "Cannot revoke the owner of an item", "You can't remove the last admin": a rule about who must stay.
  { signal: 'business-rule', re: /\b(?:cannot|can't|can not) (?:remove|revoke|delete|demote|kick|ban|downgrade|disable|unassign) (?:the )?(?:owner|creator|last (?:admin|administrator|owner|member|manager)|only (?:admin|administrator|owner)|@everyone|default role|primary (?:owner|admin|email|account))\b/ },
  // "CannotCreateCommentOnArchivedStory": an operation refused on a target in a closed state.
  { signal: 'business-rule', re: /\b(?:cannot|can't|can not) [\w-]+ (?:[\w-]+ )?(?:on|in|to|into|for|from) (?:an? |the |this |that )?(?:archived|closed|locked|deleted|expired|finali[sz]ed|frozen|suspended|cancel+ed) [\w-]+/ },
  // "Domain is already banned", "already suspended": any state a thing is already in, beyond the listed ones.
  { signal: 'state-conflict', re: /\b(?<!(?:who|that|which|you) )(?:is|are|was|were|has been|have been) already (?:been )?(?!(?:logged|signed|authenticated|authori[sz]ed)\b)[a-z]{3,}ed\b/ },
  { signal: 'business-rule', re: /\b(?:is|are) (?:incompatible|not compatible) with\b|\bonly (?:available|allowed|possible|supported) (?:for|on|in|with) (?:the )?(?:paid|premium|pro|enterprise|business|team|plus|higher|upgraded) (?:plans?|accounts?|tiers?|subscriptions?|users?|workspaces?)\b|\brequires? (?:an? |the )?(?:(?:paid|premium|pro|enterprise|business|active|valid) ){1,2}(?:plan|subscription|license|licence|account|tier)\b/ },
  // "Share status is already ${status}": the state it is in was a value, gone from the static text.
  { signal: 'state-conflict', re: /\b(?:is|are|was|were) already ?$/ },
  // "Domain has been banned already.": the word order with "already" last.
  { signal: 'state-conflict', re: /\b(?<!(?:who|that|which|you) )(?:is|are|was|were|has been|have been) (?!(?:logged|signed|authenticated|authori[sz]ed)\b)[a-z]{3,}ed already\b/ },
  // "The form is not active", "This poll is closed": the state of a record the request names.
  { signal: 'state-conflict', re: /\b(?:form|survey|poll|quiz|event|campaign|contest|auction|listing|election|giveaway|sale)s? (?:is |are |has been |was |does |did )?(?:not active|inactive|closed|archived|not open|no longer (?:open|active|accepting \w+))\b/ },
  // "License has expired", "The coupon is no longer valid": the state of a thing the request names, not its syntax.
  { signal: 'business-rule', re: /\b(?:licen[cs]e|subscription|trial|coupon|voucher|promo(?:tion)? code|offer|invitation|invite|booking|reservation|quote)s? (?:key )?(?:has |have |is |are |was )?(?:already )?(?:expired|ended|lapsed|no longer (?:valid|active|available))\b/ },
  { signal: 'state-conflict', re: /\bdup\b(?! (?:[\w'-]+ )?(?:fields?|keys?|parameters?|params?|headers?|query))/ },
  { signal: 'state-conflict', re: /\b(?:with (?:that|this|the same) [\w' -]{1,40}|(?<!(?:who|that|which) )already) exists?\b/ },
  { signal: 'state-conflict', re: /\b(?:cannot|can't|can not|may not) be [\w-]+ (?:a second time|twice|again)\b/ },
  { signal: 'state-conflict', re: /\b(?:registered|created|used|issued|assigned|submitted|claimed|reserved) (?:previously|before|earlier)\b|\bpreviously (?:registered|created|used|issued|assigned|submitted|claimed|reserved)\b/ },
  { signal: 'state-conflict', re: /\b(?:copy|version|revision|etag|data|record|document|resource) (?:of [\w' -]{1,30})?(?:is|was) (?:out of date|outdated|stale)\b|\bnot the (?:current|latest) (?:one|version|revision)\b/ },
  { signal: 'state-conflict', re: /\b(?:in the meantime|meanwhile)\b/ },
  { signal: 'state-conflict', re: /\b(?:was|were|has been|have been) (?:just )?(?:taken|booked|reserved|claimed|purchased|sold|assigned|bought|grabbed) by (?:another|someone|somebody|a different|other)\b/ },
  { signal: 'state-conflict', re: /\bagainst the current state\b/ },
  // "Session cannot be paused in its current status", "Task is not in success state": the state of what is named.
  { signal: 'state-conflict', re: /\b(?:in|with|from) (?:its |the |their |this |that )?current (?:status|state)\b/ },
  // "Access Request must be in status REJECTED to allow deletion", "The order must be in PENDING state": a state the record is not in.
  { signal: 'state-conflict', re: /\bmust (?:first )?be in (?:(?:the )?(?:status|state) (?!of\b)[\w-]+|(?:the |an? )?(?!(?:valid|known|supported|correct|proper|right|same|expected|usable|consistent)\b)[\w-]+ (?:status|state))\b/ },
  { signal: 'state-conflict', re: /\b(?:is|are|was|were) not (?:yet )?(?:in )?(?:an? |the )?(?!(?:valid|known|supported|recogni[sz]ed|correct|allowed|permitted|acceptable|proper|right|expected)\b)[\w-]+ (?:status|state)\b/ },
  { signal: 'state-conflict', re: /\balready (?:been |being )?(?:\w+ed|\w+en|done|sent|paid|set|made|gone|bound|in progress|underway)\b/ },
  { signal: 'state-conflict', re: /\b(?:is|are|was|were) (?:currently |still )?(?:locked|in use|being used|checked out|reserved by)\b/ },
  // "cannot change startAt once the league has started": a change the resource's state no longer allows.
  { signal: 'state-conflict', re: /\b(?:cannot|can't|can not) (?:change|modify|edit|update|delete|remove|set) [\w. -]{1,40}? (?:once|after) (?:the |this |that |it |its )?(?:[\w-]+ )?(?:has|have|is|are|was) (?:already )?(?:started|ended|begun|finished|closed|published|completed|submitted|locked|been \w+)\b/ },
  // "Revision has since been updated from 3 to 4", "was modified by another user": what the client read is stale.
  { signal: 'state-conflict', re: /\b(?:has|have|was|were) (?:since |already )?been (?:updated|modified|changed|edited) (?:since|by (?:another|someone|a different)|from \S+ to\b)|\b(?:was|were|has been) (?:updated|modified|changed|edited) (?:by (?:another|someone else|a different))/ },
  { signal: 'state-conflict', re: /\balready in (?:status|state|the|a|an|use|progress)\b/ },
  // "Already importing", "already syncing", "already pending": work under way or a state the thing is in.
  { signal: 'state-conflict', re: /\balready (?!being\b|having\b|\w*thing\b)[a-z]{3,}ing\b/ },
  { signal: 'state-conflict', re: /\balready (?:on|in|part of|at|inside|attached to|added to|subscribed to|enrolled in|registered (?:for|with|to)|a member of|member of|linked to|assigned to) (?:the|this|that|your|a|an|their|its)\b/ },
  { signal: 'state-conflict', re: /\balready (?:has|have|holds|owns|contains|includes|belongs to|is a member of) (?:this|that|the|a|an|such)\b(?! (?:maximum|max|limit|most)\b)/ },
  { signal: 'state-conflict', re: /\b(?:someone|somebody|another user|another client|another process) (?:else )?(?:has |have )?(?:already )?(?:edited|modified|changed|updated|deleted)\b/ },
  { signal: 'state-conflict', re: /\b(?:modified|updated|changed|edited|deleted|saved) by (?:someone|somebody|another|a different|other)\b/ },
  { signal: 'state-conflict', re: /^conflict\b/ },
  { signal: 'state-conflict', re: /\b(?:resource|record|item|name|key|alias|file|stream|table|account|slot|seat|username|email|domain) (?:is |are )?(?:already |still |currently )?in use\b/ },
  // Not two parts of one request ("the filter conflicts with another filter", "conflicting parameters", "a.field
  // conflicts with a.otherField", "conflicts with 'x'"): that is a 400.
  { signal: 'state-conflict', re: /\b(?<!(?:parameters?|params?|filters?|fields?|options?|arguments?|values?|flags?|settings?|headers?|properties) )(?:conflicts?|conflicting|clash(?:es)?) (?:with|between)\b(?! (?:(?:an?|the|another|other|each|one) )?(?:[\w-]+ )?(?:parameters?|params?|filters?|fields?|options?|arguments?|values?|flags?|headers?|properties|query)\b)(?! [\w$-]*\.[\w$]| ['"`])/ },
  { signal: 'state-conflict', re: /\b(?:edit|update|write|version|state|resource|merge|concurrency|naming|name) conflicts?\b/ },
  { signal: 'state-conflict', re: /\b(?:version|etag|revision|sequence number|sha|if-match|precondition|hash) (?:mismatch|does not match|doesn't match|conflict|is out of date|is stale)\b/ },
  { signal: 'state-conflict', re: /\b(?:mismatch(?:ed)? (?:version|etag|revision))\b/ },
  { signal: 'state-conflict', re: /\b(?:resource|record|item|file|document|row|entity|object|account|table|branch|repository) (?:is |was )?(?:currently )?(?:locked|being (?:modified|updated|edited|processed))\b/ },
  { signal: 'state-conflict', re: /\bconcurrent(?:ly)? (?:modification|update|edit|write|request|change)s?\b/ },
  { signal: 'state-conflict', re: /\b(?:has|have) (?:been )?(?:changed|modified|updated) (?:since|by another)\b/ },
  { signal: 'state-conflict', re: /\b(?:must be|is not|isn't|are not|not) unique\b/ },
  { signal: 'state-conflict', re: /\bunique(?:ness)? (?:constraint|violation|key)\b/ },
  { signal: 'state-conflict', re: /\b(?:name|email|username|handle|slug|key|id|identifier|address|phone number|title|sku|code) (?:is |has )?(?:already )?(?:taken|in use|not available|unavailable)\b/ },
  { signal: 'state-conflict', re: /\b(?:already|currently) (?:has|have) (?:an? )?(?:active|pending|open|existing)\b/ },
  { signal: 'state-conflict', re: /\b(?:an? |the )?(?:existing|same) (?:\w+ )?(?:with the same|with that|with this)\b/ },
  { signal: 'state-conflict', re: /\bwith (?:the|this|that) (?:same )?(?:name|email|id|key|identifier|username|slug) (?:already )?exists\b/ },
  { signal: 'state-conflict', re: /\bconflict\b/, strength: 'weak' },

  // --- business rule on well-formed data (422) ---
  { signal: 'business-rule', re: /\bdeadline (?:has )?(?:passed|expired|elapsed)\b/ },
  // "You cannot delete yourself", "You are trying to remove yourself. This is prohibited.": a rule about the caller's own
  // account, which the caller may do to others.
  { signal: 'business-rule', re: /\b(?:cannot|can't|can not|may not|not allowed to|trying to) (?:remove|delete|demote|ban|kick|disable|deactivate|block|suspend) (?:yourself|your own (?:account|user|membership))\b/ },
  // "Cannot delete the last admin", "at least one owner is required": a rule about what must remain, not who may act.
  { signal: 'business-rule', re: /\b(?:the )?(?:last|only|sole|final) (?:remaining )?(?:admin|administrator|owner|manager|member|user|account|seat|payment method|billing contact|organi[sz]ation owner|workspace owner)s?(?: (?:user|account|role))?\b(?= (?:of|in|on|for|account|left|remaining)\b| ?$|[.,;:])|\b(?:at ?least|a minimum of) (?:one|1) (?:\w+ ){0,2}(?:admin|administrator|owner|manager|member|environment|user|account|seat)s? (?:is |must be )?(?:required|needed|must remain|has to remain)\b/ },
  // "Space needs at least one administrator.", "A team must have at least one owner", "There must be at least one
  // admin": the same rule, said of what the thing must keep.
  { signal: 'business-rule', re: /\b(?:needs?|needs to have|must (?:have|keep|retain|always have)|requires?|should (?:have|keep)|there (?:must|has to|needs to) (?:be|remain)) (?:at ?least|a minimum of) (?:one|1) (?:\w+ ){0,2}(?:admin|administrator|owner|manager)s?\b/ },
  { signal: 'business-rule', re: /\bcannot (?:delete|remove|archive|disable) (?:the |a |an |this |your )?(?:home|default|built-?in|system|primary|main|root|last|only|personal) [\w-]+/ },
  // "You cannot have more than 200 topic subscriptions": a limit the application keeps on what the caller holds (not
  // "Can't have more than one price item in the same product", a rule on the request's own content).
  { signal: 'business-rule', re: /\byou (?:cannot|can't|can not|may not) (?:have|hold|own|create|add|keep|open|follow|invite|upload|book|reserve|register) more than (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b(?! (?:characters?|chars|digits|bytes|words|lines)\b)/ },
  { signal: 'business-rule', re: /\b(?:may|can) (?:only )?(?:hold|have|own|create|book|reserve|register|add|keep|open|redeem|use|invite|enrol+) (?:(?:at most|no more than|up to|a maximum of|only) (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b|(?:at most|no more than|a maximum of)\b(?! (?:\d+ )?(?:characters?|chars|digits|bytes)\b))/ },
  { signal: 'business-rule', re: /\b(?:cannot|can't|can not|may not) be [\w-]+ (?:until|while|unless|once)\b|\bcan no longer be [\w-]+\b/ },
  { signal: 'business-rule', re: /\bonly \d+ [\w-]+(?: [\w-]+){0,3} (?:are|is) (?:left|remaining|available|in stock)\b|\bfewer than (?:the )?(?:quantity|amount|number) (?:requested|ordered)\b/ },
  { signal: 'business-rule', re: /\bonly (?:[\w-]+ ){1,3}(?:can|may) be (?:edited|modified|changed|updated|deleted|cancel+ed|approved|published|submitted|refunded|reopened|paid|sent|archived|renamed)\b/ },
  { signal: 'business-rule', re: /\b(?:maximum|max) number of times\b|\bhas been [\w-]+ the maximum\b/ },
  { signal: 'business-rule', re: /\b(?:deficit|shortage|shortfall) of\b/ },
  { signal: 'business-rule', re: /\b(?:used|exhausted|consumed|spent) (?:up )?all(?: of)? (?:the |your |its )?(?:[\w-]+ ){0,3}(?:minutes|credits|quota|allowance|hours|seats|units|tokens|storage|messages|calls|uploads|licen[cs]es)\b/ },
  { signal: 'business-rule', re: /\bexceeds? (?:the |your |its )?(?:[\w'-]+ ){0,3}(?:stock|inventory|supply|availability|remaining|available (?:quantity|amount|stock|units|seats))\b/ },
  // A full roster or course is a business rule; a full queue, disk or pool is the server's own capacity (503).
  { signal: 'business-rule', re: /\b(?<!(?:queue|server|disk|storage|buffer|cache|pool|system|memory|inbox|database|worker|cluster)s? )(?:is|are) (?:already )?(?:full|fully booked|at capacity|over capacity)\b/ },
  { signal: 'business-rule', re: /\bmax(?:imum)? (?:of )?\d+ [a-z]+(?: [a-z]+)? (?:per|a|each|for each) (?:season|day|week|month|year|user|account|team|customer|order|event|project|member|facility|plan)\b/ },
  { signal: 'business-rule', re: /\b(?:below|above|under|over|exceeds|beyond) the (?:[\w.-]+ ){0,3}(?:minimum|maximum|threshold|cap|allowance)\b/ },
  { signal: 'business-rule', re: /\b(?:does not|doesn't|do not|don't|won't|will not|would not) fit\b/ },
  { signal: 'business-rule', re: /\b(?:can't|cannot|can not|may not|must not|unable to) (?:be )?\w+(?:ed)?,? (?:[\w'-]+,? ){0,8}?(?:while|until|before|as long as|because) (?:the |this |that |its |it |a |an )?(?:[\w'-]+ ){0,3}(?:is|are|has|have) (?:still |not yet |already )?(?:open|pending|active|running|locked|closed|in progress|under review|processing|unpaid|outstanding|unsigned|expired|archived|paused|suspended|frozen|cancel+ed|past due)\b/ },
  { signal: 'business-rule', re: /\bstill (?:pending|open|running|in progress|under review|processing|awaiting \w+)\b/ },
  // "Cannot switch an archived split test to next phase": the record's state refuses the action.
  { signal: 'business-rule', re: /\b(?:can't|cannot|can not|unable to) (?!parse|read|decode|find|load|open)[\w-]+ (?:an?|the|this|that) (?:archived|closed|locked|deleted|cancel+ed|expired|finali[sz]ed|completed|published|frozen|suspended|paused) [\w-]+/ },
  { signal: 'business-rule', re: /\b(?:you have|there (?:is|are)|has) (?:an? |some )?(?:unpaid|overdue|past[- ]due|outstanding) (?:invoices?|bills?|balance|payments?)\b/ },
  { signal: 'business-rule', re: /\b(?:more|less|fewer|higher|lower|greater) than (?:the |your |its )?(?:captured|available|remaining|paid|original|allowed|current|outstanding|authori[sz]ed|refundable|purchased|ordered|booked|reserved|existing)\b/ },
  { signal: 'business-rule', re: /\b(?:late|expired|closed) [\w-]+ (?:are|is) not (?:accepted|allowed)\b/ },
  { signal: 'business-rule', re: /\b(?:insufficient|not enough|inadequate) (?:[\w'-]+ ){0,2}(?:funds|balance|credits?|stock|inventory|quota|seats|capacity|points|budget|tokens left|account balance)\b/ },
  { signal: 'business-rule', re: /\b(?:funds|balance|credit|credits|stock|inventory|quota|allowance)(?: of [\w' -]+?)? (?:is |are |was )?(?:insufficient|too low|not sufficient|exhausted|not enough)\b/ },
  { signal: 'business-rule', re: /\b(?<!rate )(?<!request )(?:limit|maximum|max|quota|cap)(?: [\w'-]+){0,9}? (?:has been |have been |was |is )?(?:reached|exceeded|hit)\b/ },
  { signal: 'business-rule', re: /\b(?:cannot|can't|can not|may not|must not) be (?:deleted|cancel+ed|modified|refunded|reopened|archived|closed|edited|changed|removed|transferred|reverted|restored|shipped|returned|updated)\b/ },
  { signal: 'business-rule', re: /\bexceeds? (?:the |your |its |their |a |an )?(?:[\w'-]+ ){0,3}(?:balance|limit|quota|allowance|maximum|credit|budget|capacity|entitlement)\b(?<!rate limit)/ },
  { signal: 'business-rule', re: /\bexceeds? (?:the |your |its )?(?:captured|available|remaining|paid|original|authori[sz]ed|refundable|outstanding|purchased|invoiced|booked) (?:amount|balance|quantity|total|sum|value)\b/ },
  { signal: 'business-rule', re: /\bexceeds? the (?:amount|quantity|total|balance|number|sum|value) (?:paid|captured|available|remaining|purchased|invoiced|booked|ordered|in stock|allowed|left)\b/ },
  { signal: 'business-rule', re: /\bcan only be [\w-]+ (?:up to|until|within|before|after|once|if|when|during|while)\b/ },
  // "Can only propose from a fork", "can only delete draft invoices": an action the state of a record allows.
  // Also a list of states: "Can only mark UNKNOWN, PRINTING, or PAUSED jobs as cancelled".
  { signal: 'business-rule', re: /\bcan only (?!be\b|contain|include|have|accept|use|consist|start|end|match)[\w-]+ (?:(?:from|to|on|in|for|with) )?(?:an? |the )?(?:[\w-]+, ){0,6}(?:[\w-]+,? (?:or|and) )?(?:draft|fork|forked|pending|active|inactive|open|published|unpublished|archived|completed|paid|unpaid|cancel+ed|closed|locked|unlocked|approved|rejected|running|stopped|paused|empty|expired|verified|unverified)\b/ },
  { signal: 'business-rule', re: /\b(?:plan|tier|subscription|license|licence|account|package|edition|workspace|organi[sz]ation|team|space|project) (?:only )?(?:allows|permits|includes|supports|is limited to) (?:a |an |up to |only |at most )?(?:maximum|max|up to|\d+)\b/ },
  { signal: 'business-rule', re: /\b(?:reached|hit|exceeded|reaches|exceeds) (?:the |your |its |their |a )?(?!rate\b)(?:[\w'-]+ ){0,2}(?:limit|maximum|max|quota|cap|allowance|ceiling)\b/ },
  { signal: 'business-rule', re: /\b(?:cannot|can't|can not|unable to) (?:upgrade|downgrade|migrate|move|transition|change|switch|convert|promote|demote|roll back|rollback) from\b/ },
  { signal: 'business-rule', re: /\bmust be (?:higher|greater|lower|less|more|larger|smaller|earlier|later|at least|at most) (?:than |as )?(?:the |your )?(?:current|existing|previous|last|highest|lowest|minimum|available|remaining|original|outstanding|opening)\b/ },
  { signal: 'business-rule', re: /\b(?:is|are) (?:closed|not open|fully booked|booked out|full|sold out|not available|unavailable|not delivering|not serving) (?:at|on|for|during|in) (?:the |this |that )?(?:requested|selected|chosen|given|specified)\b/ },
  { signal: 'business-rule', re: /\b(?:payment|card|transaction|charge|transfer) (?:was |has been |is )?(?:declined|rejected|refused|denied)\b/ },
  { signal: 'business-rule', re: /\b(?:out of stock|sold out|unavailable for purchase|no longer available|overdrawn|overdraft)\b/ },
  { signal: 'business-rule', re: /\b(?:plan|subscription|account|tier|seat|member|user|project|license|usage|storage|spending|credit|transfer|withdrawal|order|daily|monthly) (?:limit|quota|cap)s? (?:has been |have been |was |is )?(?:reached|exceeded|hit|met)\b/ },
  { signal: 'business-rule', re: /\b(?:exceeds?|exceeding|over|above) (?:the |your )?(?:available|allowed|maximum|max|remaining|permitted|account|credit|daily|monthly|plan|spending|transfer|withdrawal) ?(?:balance|amount|limit|quota|credit|number of [\w ]+)\b/ },
  { signal: 'business-rule', re: /\b(?:maximum|max) number of (?:[\w'-]+ ){0,5}(?:reached|exceeded|has been reached|allowed)\b/ },
  { signal: 'business-rule', re: /\b(?:end|finish|stop|expiry|expiration|due|return|check-?out|departure|arrival|to|until|close|closing) ?(?:date|time|datetime|timestamp)? (?:must|should|has to|needs to|cannot|can't|may not) (?:be )?(?:after|before|later than|earlier than|precede|follow|on or after|on or before|greater than|less than|prior to)\b/ },
  { signal: 'business-rule', re: /\b(?:start|begin|from|check-?in) ?(?:date|time|datetime)? (?:must|should|cannot|can't|may not) (?:be )?(?:after|before|later than|earlier than|precede|follow|on or after|on or before|prior to)\b/ },
  { signal: 'business-rule', re: /\b(?:date|time|datetime|timestamp|appointment|booking|reservation|delivery date|schedule)s? (?:must|should|cannot|can't|can not|may not|must not) (?:be )?(?:in the (?:past|future)|after(?: the)?|before(?: the)?|earlier than|later than)\b/ },
  { signal: 'business-rule', re: /\bmust (?:be |come |occur |happen |fall |start |end )?(?:earlier|later|sooner) than\b|\bmust (?:be |come |occur |happen |fall |start |end )(?:before|after|prior to)\b/ },
  { signal: 'business-rule', re: /\b(?:cannot|can't|can ?not|unable to|may not|must not) (?:be )?(?:cancel+(?:ed)?|refund(?:ed)?|delete(?:d)?|modif(?:y|ied)|update(?:d)?|close(?:d)?|ship(?:ped)?|transition(?:ed)?|reopen(?:ed)?|approve(?:d)?|reject(?:ed)?|archive(?:d)?|publish(?:ed)?|unpublish(?:ed)?|edit(?:ed)?|change(?:d)?|transfer(?:red)?|withdraw(?:n)?|return(?:ed)?|downgrade(?:d)?|upgrade(?:d)?|book(?:ed)?|reschedule(?:d)?|remove(?:d)?|activate(?:d)?|deactivate(?:d)?|submit(?:ted)?|void(?:ed)?|capture(?:d)?|merge(?:d)?|redeem(?:ed)?) (?:a |an |the |this |that |your |its |their |it |orders? |items? )?(?:[\w-]+ )?(?:that|which|when|while|because|after|before|since|once|unless|in|with|has|is|are|was|been|shipped|paid|closed|completed|fulfilled|delivered|archived|active|settled|already|order|invoice|subscription|account|payment|booking|reservation|user|project)\b/ },
  { signal: 'business-rule', re: /\b(?:invalid|illegal|disallowed|unsupported|impossible) (?:state|status|lifecycle|workflow) (?:transition|change|for this operation|for this action)\b/ },
  { signal: 'business-rule', re: /\b(?:invalid|illegal) transition\b/ },
  { signal: 'business-rule', re: /\b(?:cannot|can't|can ?not) (?:transition|move|change) from\b/ },
  { signal: 'business-rule', re: /\bnot in (?:a |an |the )?(?:valid|correct|proper|cancel+able|refundable|editable|modifiable|pending|draft|open|active) (?:state|status)\b/ },
  { signal: 'business-rule', re: /\b(?:in|has) (?:an? )?(?:invalid|wrong|incorrect|unexpected) (?:state|status) for\b/ },
  { signal: 'business-rule', re: /\bbusiness (?:rules?|logic|constraints?|validation)\b/ },
  { signal: 'business-rule', re: /\b(?:violates?|violation of|breaks?|breach(?:es)? of) (?:a |the |one or more )?(?:\w+ )?(?:policy|policies|rules?|constraints?|invariants?)\b/ },
  { signal: 'business-rule', re: /\b(?:not eligible|ineligible|does not qualify|doesn't qualify|not qualified)\b/ },
  { signal: 'business-rule', re: /\bsemantic(?:ally)? (?:invalid|incorrect|error|errors|validation)\b/ },
  // "Unprocessable Entity" names 422; "an unprocessable input file" is a bad input.
  { signal: 'business-rule', re: /\bunprocessable (?:entity|content)\b/ },
  { signal: 'business-rule', re: /\b(?:would|will) (?:exceed|overdraw|result in a negative)\b/ },
  { signal: 'business-rule', re: /\b(?:has|have|with) (?:active|open|pending|outstanding|existing) (?:subscriptions?|orders?|invoices?|balances?|dependencies|children|members|resources|reservations|bookings|payments|loans)\b/ },
  { signal: 'business-rule', re: /\b(?:not|isn't|is not) (?:available|bookable|purchasable|refundable|cancel+able|transferable|editable) (?:for|on|at|in) (?:the |this |that )?(?:selected|requested|chosen|given)\b/ },
  { signal: 'business-rule', re: /\bminimum (?:order|purchase|amount|balance|age|deposit|withdrawal|transfer)\b/ },
  { signal: 'business-rule', re: /\b(?:sleeps|seats|holds|fits|accommodates|hosts) (?:at most|up to|a maximum of|no more than|only up to)\b(?: [\w'-]+){0,2}/ },
  { signal: 'business-rule', re: /\b(?:age|user|customer|applicant) (?:must be|is not|is under|under the) (?:at least |of )?(?:\d+|legal|minimum|age)\b/ },

  // --- syntax / structure errors (a proper 400) ---
  { signal: 'syntax-error', re: /\b(?:malformed|ill-formed|unparse?able|cannot be parsed|could not be parsed|can't be parsed|failed to parse|parse error|parsing error|syntax error|invalid (?:json|xml|yaml|syntax|format|encoding|request body|body|payload|content type|character)|not valid json|bad json)\b/ },
  { signal: 'syntax-error', re: /\b(?:is |are )?(?:required|mandatory|missing)(?: field| parameter| property| value| header)?\b/ },
  { signal: 'syntax-error', re: /\bmust be (?:a |an )?(?:valid |positive |non-negative |non-empty )?(?:number|integer|string|boolean|array|object|uuid|date|email|url|uri|iso|format|one of|between|at least|at most|less than|greater than|shorter|longer|\d+)\b/ },
  { signal: 'syntax-error', re: /\b(?:wrong|invalid|incorrect|unexpected|unsupported|unknown) (?:type|format|value|field|parameter|parameters|property|properties|query|input|request|header|enum|length|id|email|uuid|date|url|character)s?\b/ },
  { signal: 'syntax-error', re: /\bexpected (?:an? |the )?(?:array|object|string|number|integer|boolean|list|json|map)\b/ },
  { signal: 'syntax-error', re: /\b(?:bad request|validation (?:error|errors|failed|failure)|failed validation|schema validation|does not match (?:the )?(?:schema|pattern|format)|too (?:long|short|large|many items))\b/ },

  // --- upstream failures (502 / 503 / 504) ---
  { signal: 'upstream-timeout', re: /\b(?:did not|didn't|failed to|does not|doesn't|could not|couldn't) (?:respond|answer|reply|return|finish|complete)(?: [\w'-]+){0,2} (?:in time|within|before the|fast enough)\b/ },
  { signal: 'upstream-timeout', re: /\b(?:took|takes|taking) (?:longer than|too long|more than)\b/ },
  // Error catalogues name them as codes: `INTERNAL_TIMEOUT`, `NETWORK_ERR` (split to words before matching).
  { signal: 'upstream-timeout', re: /\binternal timeout\b|\bgateway timeout\b/ },
  { signal: 'upstream-failure', re: /\bnetwork (?:err|error|failure)\b(?! (?:in|on) (?:the |your )?(?:client|browser|device))/ },
  { signal: 'upstream-timeout', re: /\b(?:upstream|gateway|dependency|dependent service|downstream|third[- ]party|external|remote|backend|back-end|provider|partner|supplier|vendor|system|origin|proxied|service|server|api|request|call|connection|operation|processing|query)(?: (?!not\b|never\b|did not\b)[\w'-]+){0,3} (?:timed out|timeout|time-out|time out|took too long|did not respond in time|didn't respond in time|failed to respond in time|deadline exceeded)\b/ },
  { signal: 'upstream-timeout', re: /\b(?:timed out|timeout|time-out|deadline exceeded) (?:while |when )?(?:waiting for|calling|contacting|connecting to|reaching|talking to|communicating with)\b/ },
  { signal: 'upstream-timeout', re: /\b(?:gateway|upstream|proxy) timeout\b/ },
  { signal: 'upstream-timeout', re: /\bdeadline (?:exceeded|expired)\b/ },
  { signal: 'upstream-timeout', re: /\b(?:network|gateway|upstream|provider|partner|vendor|bank|processor|carrier|api|backend|dependency|supplier) time-?outs?\b(?! (?:of|is|setting|value|parameter|are reported))/ },
  // The timeout happened ("timed out", "Timeout."), not advice about a client's own timeout setting.
  { signal: 'upstream-timeout', re: /\b(?:timed out|timing out|time-?outs? (?:occurred|happened|error|exceeded|expired|reached|while|when|during))\b|^(?:an? )?(?:request |gateway |operation )?time-?out\b/ },
  { signal: 'upstream-unavailable', re: /\b(?:upstream|dependency|dependent|downstream|third[- ]party|external|remote|backend|back-end|provider|partner|origin|(?<=\b(?!(?:the|this|our|a|an|its|the|web|http|api)\b)[a-z][\w-]+ )(?:service|server|system|api))s? (?:\w+ )?(?:is |are |was |were )?(?:currently |temporarily )?(?:unavailable|unreachable|down|offline|not available|not reachable|overloaded|under maintenance|out of service)\b/ },
  { signal: 'upstream-unavailable', re: /(?<![\w'-])(?!(?:feature|method|endpoint|function|operation|option|resource|item|product|data|field|value|database|db|redis|postgres(?:ql)?|mysql|mongo(?:db)?|sqlite|cache)\b)[\w'-]+ (?:is|are) (?:currently |temporarily )?(?:unavailable|unreachable|down|offline|not reachable)\b/ },
  { signal: 'upstream-unavailable', re: /\brefus(?:es|ed|ing) (?:the |our |a |all )?connections?\b/ },
  { signal: 'upstream-unavailable', re: /\b(?:connection refused|econnrefused|(?:could not|couldn't|unable to|failed to|cannot|can't) connect to(?! (?:the |our |its )?(?:redis|database|db|mongo\w*|postgres\w*|mysql|mariadb|sqlite|cache|memcached?|elasticsearch|message queue|queue)\b)|unable to reach|could not reach|cannot reach|failed to reach|no healthy upstream|circuit breaker (?:is )?open|down for maintenance)\b/ },
  { signal: 'upstream-failure', re: /\b(?:could not|couldn't|unable to|failed to|cannot|can't|can not) (?:fetch|retrieve|get|load|obtain|reach|contact|call|query|download|sync|synchroni[sz]e|transmit|forward|notify|deliver|submit|push|post|send)\b(?: [\w'-]+){0,6} (?:from|to|with|at|on|via(?! (?:the |this |our )?apis?\b)) (?:the |an? |our |its |their )?(?:[\w'-]+ ){0,3}(?:provider|service|api|system|server|partner|supplier|vendor|upstream|backend|gateway|platform|registry|carrier|bank|processor|erp|crm|wms)s?\b/ },
  { signal: 'upstream-failure', re: /\b(?:error|failure|failed|problem) (?:during|while|when) (?:the )?(?:transmission|transmitting|sending|forwarding|syncing|synchroni[sz]ing|calling|contacting|communicating|connecting|posting|uploading|delivering|relaying|proxying)\b/ },
  { signal: 'upstream-failure', re: /(?<![\w'-])(?!(?:we|it|this|server|endpoint|operation|request|handler|application|app)\b)[\w'-]+ (?:returned|returns|responded with|responds with|replied with|replies with|sent back|sends back|reported|reports|answered with|answers with) an? (?:error|failure|invalid|unexpected|bad|malformed|unreadable|5\d\d)\b/ },
  { signal: 'upstream-failure', re: /\b(?:upstream|downstream|third[- ]party|external|remote|backend|back-end|partner|origin|dependent|dependency|underlying|provider|gateway|supplier|vendor)(?: [\w'-]+){0,3} (?:failure|failed|fails|error|errors|errored|problem|issue|returned an? (?:error|invalid|bad|unexpected)|responded with an? (?:error|invalid)|rejected|exception)\b/ },
  { signal: 'upstream-failure', re: /\b(?:error|errors|failure|failed|problem|issue|exception)s? (?:from|in|with|on|at|of|when calling|while calling|calling|contacting|communicating with|talking to|reaching|connecting to) (?:the |an? |our |one of the |one or more |its )?(?:[\w'-]+ ){0,2}(?:upstream|downstream|third[- ]party|external|remote|backend|back-end|partner|dependent|dependency|underlying|provider|gateway|origin|carrier|bank|processor|vendor|dependencies)\b(?! (?:error|failure|exception)s?\b)(?! (?:logs?|ids?|identifiers?|console|dashboard)\b)/ },
  { signal: 'upstream-failure', re: /\b(?:error|errors|failure|failed|problem|issue|exception)s? (?:when calling|while calling|calling|contacting|communicating with|talking to|reaching|connecting to) (?:the |an? |our |one of the |one or more |its )?(?:[\w'-]+ ){0,2}(?:services?|apis?|servers?|systems?|platforms?|endpoints?)\b/ },
  { signal: 'upstream-failure', re: /\b(?:api|service|server|provider|upstream|backend|gateway|endpoint|partner|vendor|supplier)s? (?:returned|responded|answered|replied|sent back)(?: with)?(?! (?:successfully|ok\b|200|the (?:data|result)))/ },
  // Not an answer of the server's own work ("Unexpected response from retry operation" after its database's RPC).
  { signal: 'upstream-failure', re: /\b(?:bad gateway|(?:invalid (?:response|reply|answer)|unexpected (?:response|reply)|bad response|malformed response) from(?! (?:the |this |that |our |its |an? )?(?:[\w-]+ )?(?:operation|database|db|query|rpc|procedure|function|job|task|worker|queue|cache)\b)|received an? (?:invalid|bad|unexpected|malformed) response)\b/ },
  { signal: 'upstream-failure', re: /\b(?:payment|identity|email|sms|shipping|storage|auth|oauth|cloud|search|map|geocoding|ai|llm|model|data|3rd[- ]party) (?:provider|processor|gateway|vendor|partner|service|api)s? (?:\w+ )?(?:failed|failure|error|errored|returned an? error|is down|rejected|did not respond|declined to respond)\b/ },
  // "AI generation failed, please try again later": a hosted model answers every AI feature.
  { signal: 'upstream-failure', re: /\b(?:ai|llm|gpt|openai|anthropic|claude|gemini)\b(?: [\w-]+){0,2} (?:failed|errored|error occurred|is unavailable|timed out|did not respond)\b/ },
  { signal: 'upstream-failure', re: /\b(?:dependency|dependencies|upstream) (?:\w+ )?(?:failed|failure|error)\b/ },
  // "Failed to fetch repositories from GitHub", "unable to upload the file to S3": a step of the work that asks a
  // hosted service the message names. Not "failed to create task from GitHub issue": the service names a thing there.
  { signal: 'upstream-failure', re: new RegExp(String.raw`\b(?:could not|couldn't|unable to|failed to|cannot|can't|can not) (?:fetch|retrieve|get|load|obtain|reach|contact|call|query|download|upload|sync|send|post|push|list|create|publish|notify|charge|refund)\b(?: [\w'-]+){0,5} (?:from|to|with|on|via|in) (?:the )?${HOSTED_SERVICE}\b(?! [a-z])`) },
  // "Failed to send SNS message", "Could not publish the Slack notification": a message that goes out through the service.
  { signal: 'upstream-failure', re: new RegExp(String.raw`\b(?:could not|couldn't|unable to|failed to|cannot|can't|can not) (?:send|post|publish|deliver|push|queue|enqueue|upload) (?:the |an? )?${HOSTED_SERVICE} (?:message|notification|email|mail|sms|text|event|request|webhook|object|file)s?\b`) },
  { signal: 'upstream-failure', re: /\b(?:calling|contacting|reaching|querying|invoking|communicating with) (?:the |an? )?(?:upstream|downstream|external|remote|third[- ]party|partner|backend|provider|dependent)(?: \w+){0,3} (?:failed|failure|error)\b/ },
  { signal: 'own-failure', re: /\b(?:internal (?:server )?error|unexpected (?:error|condition|exception)|unhandled (?:error|exception)|something went wrong|server error|bug|our end|our side)\b/, strength: 'weak' },

  // --- other error meanings, used to suggest a status for an error body on a 2xx ---
  { signal: 'not-found', re: /\bno (?:(?:active|pending|open|existing|current|outstanding) )?(?:[\w-]+ ){1,2}(?:found|exists?)\b/ },
  // "No active pending invite to revoke", "No open request to cancel": nothing of that kind to act on.
  { signal: 'not-found', re: /\bno (?:(?:active|pending|open|current|existing|outstanding) ){1,2}[\w-]+ (?:[\w-]+ )?to (?:revoke|cancel|withdraw|accept|decline|reject|approve|resend|delete|remove|refund|resume|restore)\b/ },
  // "No player with platform id ${id} exists", "no user matching that email was found": the thing, how it was named, and none.
  { signal: 'not-found', re: /\bno (?:[\w-]+ ){1,2}(?:with|for|matching|named|called|by|of) (?:[\w-]+ ){1,4}(?:exists?|(?:was |could be |can be )?found)$/ },
  { signal: 'not-found', re: /\b(?:id|identifier|key|slug|sku|reference) (?:is|was) (?:unknown|not recogni[sz]ed)\b/ },
  { signal: 'not-found', re: /\b(?:could not|couldn't|can't|cannot|can not|unable to|failed to) (?:find|locate)\b(?! (?:a |an |any )?(?:valid|required|matching (?:field|param)))/ },
  { signal: 'gone', re: /\b(?:no longer (?:available|exists?|offered|supported|published)|has been (?:deleted|removed|retired|decommissioned|withdrawn|archived permanently)|permanently (?:deleted|removed)|was (?:retired|withdrawn|decommissioned))\b/ },
  // "Api endpoint unavailable as of 2.0.0", "route removed in v3": an operation the server took away at a version.
  { signal: 'gone', re: /\b(?:endpoint|route|api|operation|method|version)s? (?:is |are |was |were |has been |have been )?(?:unavailable|removed|discontinued|retired|deprecated and removed) (?:as of|since|in|from) (?:version |release )?v?\d+(?:\.\d+)*/ },
  { signal: 'not-found', re: /\b(?:not found|does not exists?|doesn't exists?|do not exist|don't exist|no such|could not be found|couldn't be found|cannot be found|unknown (?:id|resource|user|item))\b/ },
  { signal: 'rate-limited', re: /\b(?:too many requests|rate limit(?:ed)?|rate-limit(?:ed)?|throttled|throttling|quota exceeded|slow down)\b/ },
  // "Please wait before requesting another email", "Please wait 30 seconds before retrying": a cooldown.
  { signal: 'rate-limited', re: /\bplease wait (?:(?:a |an |\d+ )?(?:few |little |more )?(?:moments?|minutes?|seconds?|mins?|secs?|hours?|while|bit) )?before (?:requesting|trying|sending|retrying|asking|making|resending)\b/ },
  { signal: 'error-text', re: /^(?:error|failure|failed|fail|exception|fatal|oops)\b/ },
  { signal: 'error-text', re: /\b(?:an? )?(?:error|exception) (?:occurred|occured|has occurred|happened|was thrown|was raised)\b/ },
  { signal: 'error-text', re: /^(?:failed to|could not|couldn't|unable to|cannot|can't) \w+/ },
  // "Update failed", "Payment has failed": a short clause that says the work did not happen.
  { signal: 'error-text', re: /^(?:the |your )?[\w-]+(?: [\w-]+)? (?:has |have )?failed$/ },
  { signal: 'error-text', re: /^(?:invalid|unauthori[sz]ed|forbidden|bad request|not found|internal server error|something went wrong|access denied|permission denied)\b/ },
  // Chinese: "获取数据失败" (getting the data failed), "上传图片出错" (uploading the picture went wrong), "参数错误" (a wrong
  // parameter), "服务器异常" (the server failed), "不能为空" (must not be empty), "请求超时" (the request timed out).
  // Japanese "保存に失敗しました", "エラーが発生しました" and Korean "저장 실패", "오류가 발생했습니다" say the same.
  { signal: 'error-text', re: /失败|出错|错误|异常|有误|不能为空|不合法|非法|无效|超时|不正确|(?:不|未|没有?)成功|失敗|エラー|실패|오류/ },
];

/** A dependency named in a clause... */
const DEPENDENCY_NOUN =
  /\b(?:upstream|downstream|third[- ]party|3rd[- ]party|remote (?:server|service|api|repository|host|end|system|endpoint)|external (?:service|api|provider|system|server|partner|dependency)|(?:(?<![\w-])[\w-]+ )?(?:provider|supplier|vendor|carrier|processor)|partner (?:api|service|system)|(?:(?<![\w-])[\w-]+ )?(?:cdn|gds|erp|crm|wms)|origin server|dependency|dependencies|dependent service|remote|s3|gcs|cloud storage|object storage|blob storage|smtp|mail server|storage service)\b(?! (?:logs?|ids?|identifiers?|ratios?|graphs?|lineage|profiles?|lists?|trees?|maps?|counts?|names?|catalog|registry|metadata|settings?|config|configurations?|credentials?|preferences|options)\b)/;
/** ...and, in the same clause, what went wrong with it. */
const DEPENDENCY_FAILURES: readonly [Signal, RegExp][] = [
  ['upstream-timeout', /\b(?:timed out|timeout|time-out|took too long|did not respond in time|didn't respond in time|deadline exceeded|too slow)\b/],
  ['upstream-unavailable', /\b(?:unavailable|unreachable|down|offline|not reachable|refused|could not be reached|couldn't be reached|maintenance)\b/],
  ['upstream-failure', /\b(?:error|errors|errored|fail|failed|fails|failure|failing|malformed|invalid|unexpected response|hung up|rejected|did not respond|not respond|bad response|unreadable|broken|5xx|5\d\d|(?:could not|couldn't|cannot|can't) (?:be )?(?:fetched|retrieved|loaded|reached|contacted|obtained|processed|decode|decoded|parse|parsed|read))\b/],
];

/** Words that say a limit belongs to the business (a plan, a balance, a season), not to a request value. */
const BUSINESS_CONTEXT = /\b(?:plan|tier|subscription|account|balance|funds|quota|credit|season|per (?:day|week|month|year|user|team|customer|order)|stock|inventory|seats?|members?|players?|capacity|allowance|license|licence)\b/;

/** Words that place what is missing in the server's own configuration: "in server env vars", "in the environment". */
const SERVER_CONFIGURATION = /\b(?:in|from) (?:the )?(?:server(?:'s)?|deployment(?:'s)?|instance(?:'s)?) ?(?:env(?:ironment)?|config(?:uration)?|settings)\b|\b(?:in|from) (?:the )?(?:env(?:ironment)? (?:vars?|variables?)|\.env(?: file)?)\b/;

/** Words that say a limit is on the request itself: its fields, values, items, files. */
const REQUEST_SHAPE = /\b(?:characters?|chars|digits|bytes|parameters?|params?|fields?|strings?|payload|request body|(?:file|image|upload|photo|avatar|video|document|attachment) size|\d+ ?(?:kb|mb|gb|kib|mib|gib)|attachments?|occurrences?|filters?|resolution|data ?points|points per|time ?range|date ?range|page size|query (?:range|window|length)|(?:relational |nesting |query )?depth|nesting|complexity)\b/;

/** An authorization concept... */
const AUTHZ_CONCEPT =
  /\b(?:permissions?|perms?|privileges?|rights|roles?|rbac|acls?|abac|authz|scopes?|entitlements?|admins?|administrators?|owners?|ownership|operators?|membership|(?:read|write)[- ]only|clearance|capabilit(?:y|ies)|reserved for|restricted to)\b/;
/** ...with, in the same clause, a refusal or a requirement. */
const REFUSAL_CUE =
  /\b(?:not|no|doesn't|don't|does not|do not|isn't|aren't|cannot|can't|never|without|lacks?|lacking|missing|insufficient|needed|needs?|required|requires?|only|refused|rejected|denied|forbidden|reserved|restricted|neither|nor)\b/;

/** Words that say a thing is not there, whose negation is no refusal. */
const NOT_FOUND_WORDS = /\b(?:not found|(?:does|do)(?:n't| not) exists?|no such)\b/g;

function authorizationRefusal(clause: string): SignalMatch | undefined {
  const concept = gatedExec(AUTHZ_CONCEPT, clause);
  if (!concept) return undefined;
  // "Admin user not found": the "not" of a thing not found refuses nothing.
  const cue = REFUSAL_CUE.exec(clause.replace(NOT_FOUND_WORDS, (words) => ' '.repeat(words.length)));
  if (!cue) return undefined;
  const start = Math.min(concept.index, cue.index);
  const end = Math.max(concept.index + concept[0].length, cue.index + cue[0].length);
  return { signal: 'permission-denied', phrase: clause.slice(start, end).trim(), strength: 'medium' };
}

function dependencyFailure(clause: string): SignalMatch | undefined {
  const noun = gatedExec(DEPENDENCY_NOUN, clause);
  if (!noun) return undefined;
  const before = clause.slice(0, noun.index);
  if (NEGATION_BEFORE.test(before) || NEGATED_CLAUSE.test(before)) return undefined;
  for (const [signal, failure] of DEPENDENCY_FAILURES) {
    const found = failure.exec(clause);
    if (found) {
      const start = Math.min(noun.index, found.index);
      const end = Math.max(noun.index + noun[0].length, found.index + found[0].length);
      return { signal, phrase: clause.slice(start, end).trim(), strength: 'strong' };
    }
  }
  return undefined;
}

/** Words before a match, within its clause, that turn it around. */
const NEGATION_BEFORE =
  /(?:^|\s)(?:not|no|never|without|neither|nor|unless|except|instead of|rather than|other than|as opposed to|isn't|aren't|wasn't|doesn't|don't|didn't|won't|cannot|not for|not when|not if|not because|not due to|not caused by)\s+(?:\S+\s+){0,2}$/;

/** A refusal in front of a match ("cannot", "may not"): it refuses the action, it does not deny what follows. */
const REFUSAL_BEFORE = /(?:^|\s)(?:cannot|can't|can not|may not|must not|unable to|not able to)\s+(?:\S+\s+){0,2}$/;

/** Advice about what the caller may have done ("if you're sure you already signed up"): not what happened. */
const HYPOTHETICAL_BEFORE = /\bif (?:you ?'?re (?:sure|certain) (?:that )?|you are (?:sure|certain) (?:that )?)?you(?: ?'?ve| have)? $/;

/** A clause that opens with a negation negates all it says: "..., not when the name is a duplicate". */
const NEGATED_CLAUSE = /^(?:not|never|unless|except|other than|rather than|instead of|as opposed to)\b/;

/** Clauses that say the response is NOT used for what they describe ("403 is returned when ..."). */
const DEFERRING_CLAUSE =
  /\b(?:(?:use|uses|returns?|returned|see|responds? with|gets?|get a|receives?|is sent as|results? in|reported as|reported with|answered with|yields?) (?:an? |the )?(?:http )?(?:status )?(?:code )?(?:4\d\d|5\d\d|forbidden|conflict)\b|(?:4\d\d|5\d\d)(?: \w+){0,2} (?:is|are|will be) (?:returned|used|sent)|not (?:returned|used|sent|reported) (?:when|if|for|here)|(?:are|is) (?:not|never) (?:reported|returned|sent|signalled) (?:here|with this|by this|as)|reported (?:separately )?(?:as|with) (?:an? )?(?:http )?(?:status )?(?:code )?(?:4\d\d|5\d\d)|(?:they|which|these|those) (?:return|get|receive|use) (?:an? )?(?:4\d\d|5\d\d)|not with this status)/;

/** "404 is used for that instead": a status named before an "instead" in the same sentence (found in linear time). */
function defersToStatusInstead(clause: string): boolean {
  const status = /\b[45]\d\d\b/.exec(clause);
  if (!status) return false;
  const instead = /\binstead\b/g;
  instead.lastIndex = status.index;
  const found = instead.exec(clause);
  return found !== null && !/[.;]/.test(clause.slice(status.index, found.index));
}

/** Lower-case, strip markdown, split snake and camel case, unify quotes and spaces. */
export function normalizeText(text: string): string {
  // Every pattern here is linear: no part can match the same run of text two ways (no `\s*x\s*` over a run of
  // spaces, no `[^\]]*` that runs past the next `[`), so a hostile text costs its length, not its square.
  return text
    .replace(/\[([^\][]*)\]\([^()]*\)/g, '$1')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[’‘´]/g, "'")
    .replace(/[`"“”()[\]{}]/g, ' ')
    .replace(/\|/g, '; ')
    .replace(/[*_#>~]+/g, ' ')
    // An error code in kebab case (`destination-already-exists`, `auth/email-already-in-use`): words, as snake case is.
    // Two hyphens at least: "read-only", "sign-in" stay as written.
    .replace(/\b[A-Za-z]+(?:-[A-Za-z]+){2,}\b/g, (code) => code.replace(/-/g, ' '))
    .toLowerCase()
    .replace(/\ballready\b/g, 'already')
    .replace(/\b(do|does|is|are|was|were|have|has|ca|wo|did|should|could|would)nt\b/g, "$1n't")
    .replace(/\s+/g, ' ')
    .replace(/ ;/g, ';')
    .trim();
}

/** Split into clauses: sentences, and parts joined by "but" / "however" / semicolons. */
function clausesOf(normalized: string): string[] {
  return normalized
    .split(/(?:(?:[.!;]+|\?(?! if (?:not|no)\b))(?:\s|$)|\n|\s(?:but|however|whereas)\s|,\s(?:and |or )?(?=(?:not|unless|except)\b))/)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}

const CACHE_LIMIT = 5000;
const cache = new Map<string, Classification>();

/** What a piece of text says, as signals with the phrase that carries each. Memoized: rules and files repeat texts. */
export function classifyText(text: string): Classification {
  const cached = cache.get(text);
  if (cached) return cached;
  const classification = classifyUncached(text);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(text, classification);
  return classification;
}

/**
 * For each pattern, the words one of which its every match contains (undefined: it always runs). Read from the
 * expressions' sources on the first classification, not when the module loads (`--version`, a run stopped by its config).
 */
let patternGates: GateIndex | undefined;

/** "must be one of: a, b, duplicate_booking": what follows lists allowed values, not what happened. */
const ALLOWED_VALUES = /\b(?:must be one of|should be one of|one of the (?:strings|values)|allowed values(?: are)?|valid values(?: are)?|possible values(?: are)?|accepted values(?: are)?|one of the following)\b/;

function classifyUncached(text: string): Classification {
  const matches: SignalMatch[] = [];
  const negated: SignalMatch[] = [];
  const gates = (patternGates ??= new GateIndex(PATTERNS.map((pattern) => requiredWords(pattern.re))));
  for (const whole of clausesOf(normalizeText(text))) {
    const allowed = gatedExec(ALLOWED_VALUES, whole);
    const clause = allowed ? whole.slice(0, allowed.index + allowed[0].length) : whole;
    const deferring = gatedExec(DEFERRING_CLAUSE, clause) !== null || defersToStatusInstead(clause);
    // Words one of which any match holds: without them the expression is not run, nor compiled on first use.
    for (const index of gates.candidates(clause)) {
      const pattern = PATTERNS[index];
      const found = pattern.re.exec(clause);
      if (!found) continue;
      const match: SignalMatch = { signal: pattern.signal, phrase: found[0].trim(), strength: pattern.strength ?? 'strong' };
      const before = clause.slice(0, found.index);
      // "Cannot refund more than the captured amount", "cannot reuse an already used code": a refusal states the rule.
      const refusal = (pattern.signal === 'business-rule' || pattern.signal === 'state-conflict') && REFUSAL_BEFORE.test(before);
      if ((NEGATION_BEFORE.test(before) && !refusal) || deferring || NEGATED_CLAUSE.test(before) || HYPOTHETICAL_BEFORE.test(before)) negated.push(match);
      else matches.push(match);
    }
    // "duplicate invites are fine, we dedupe them": the clause itself says the thing is no problem.
    if (/\b(?:is|are) (?:fine|ok|okay|allowed|accepted|ignored|harmless|no problem)\b|\bwe (?:dedupe|deduplicate|merge|ignore) them\b/.test(clause)) {
      for (let index = matches.length - 1; index >= 0; index--) if (matches[index].signal === 'state-conflict') negated.push(...matches.splice(index, 1));
    }
    // "maximum allowed length is exceeded" is about the shape of a field, not a business rule.
    for (let index = matches.length - 1; index >= 0; index--) {
      if (matches[index].signal !== 'business-rule') continue;
      const shapeOfField =
        /\b(?:length|characters?|chars|digits|size|bytes|items in|elements|decimal)\b/.test(matches[index].phrase) ||
        // "Description exceeds maximum length", "exceeds 10 category limit": a bound on what this request carries.
        (/\b(?:maximum|max|minimum|min|limit|exceed\w*)\b/.test(matches[index].phrase) && REQUEST_SHAPE.test(clause) && !BUSINESS_CONTEXT.test(clause));
      // "the `limit` exceeds the maximum of 100": a bound on a request value, unless the clause names what it limits.
      const boundOnValue = /\b(?:maximum|max|minimum|min|limit) (?:allowed )?(?:of |is )?\d+\b(?! ?[a-z%])/.test(clause) && !BUSINESS_CONTEXT.test(clause);
      if (shapeOfField || boundOnValue) matches.splice(index, 1);
    }
    // "missing BAIDU_API_KEY in server env vars": a key the server's own configuration lacks, not the caller's credential.
    if (SERVER_CONFIGURATION.test(clause)) {
      for (let index = matches.length - 1; index >= 0; index--) if (matches[index].signal === 'authentication-failure') negated.push(...matches.splice(index, 1));
    }
    // "Timed out after 5000ms waiting for lock 'sandbox-1'": a wait on the server's own lock, mutex or semaphore.
    if (/\b(?:waiting (?:for|on)|acquir(?:e|ing)|obtain(?:ing)?) (?:the |a |an )?(?:[\w'-]+ )?(?:lock|mutex|semaphore|lease)\b/.test(clause)) {
      for (let index = matches.length - 1; index >= 0; index--) if (matches[index].signal === 'upstream-timeout') negated.push(...matches.splice(index, 1));
    }
    // "Internal error while computing the upstream lineage": the failure is the server's own, whatever nouns follow.
    const ownFailure = /\b(?:internal (?:server )?error|unexpected (?:error|exception))\b/.test(clause);
    const dependency = deferring || ownFailure ? undefined : dependencyFailure(clause);
    if (dependency && !matches.some((match) => match.signal.startsWith('upstream'))) matches.push(dependency);
    const refusal = deferring ? undefined : authorizationRefusal(clause);
    if (refusal && !matches.some((match) => match.signal === 'permission-denied')) matches.push(refusal);
    // "Cannot delete the last admin": a rule about who must remain, not a refusal of who is asking.
    if (matches.some((match) => match.signal === 'business-rule' && /\b(?:last|only|sole|final|at ?least|minimum)\b/.test(match.phrase))) {
      for (let index = matches.length - 1; index >= 0; index--) if (matches[index].signal === 'permission-denied') negated.push(...matches.splice(index, 1));
    }
  }
  return { matches, negated };
}

/** The strongest match of a signal, if any: strong before weak, first before later. */
export function findSignal(classification: Classification, signal: Signal): SignalMatch | undefined {
  const all = classification.matches.filter((match) => match.signal === signal);
  return all.find((match) => match.strength === 'strong') ?? all[0];
}

export function hasStrongSignal(classification: Classification, signal: Signal): boolean {
  return classification.matches.some((match) => match.signal === signal && match.strength === 'strong');
}

export function hasSignal(classification: Classification, signal: Signal): boolean {
  return classification.matches.some((match) => match.signal === signal);
}

/** The status a refusal by a feature of the server's own says: 501 where it is not set up, else 403 (it is turned off). */
export function featureDisabledStatus(phrase: string): 403 | 501 {
  return /\b(?:configured|set up)\b|配置/.test(phrase) ? 501 : 403;
}

/** The status an error's own words point to, for an error sent with a success status. */
export function statusForErrorText(classification: Classification): number | undefined {
  const order: readonly [Signal, number][] = [
    // What the client did wrong is more specific than "the service answered with an error".
    ['rate-limited', 429],
    ['gone', 410],
    ['not-found', 404],
    ['permission-denied', 403],
    ['authentication-failure', 401],
    ['upstream-timeout', 504],
    ['upstream-unavailable', 503],
    ['state-conflict', 409],
    ['business-rule', 422],
    ['syntax-error', 400],
    ['upstream-failure', 502],
  ];
  for (const [signal, status] of order) {
    if (hasSignal(classification, signal)) return status;
  }
  return undefined;
}
