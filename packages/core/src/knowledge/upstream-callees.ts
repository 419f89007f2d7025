// Which callees reach another service over the network: built-in clients, hosted-API SDKs, plus user patterns such as `stripe.*`.

/** Root objects and functions of HTTP clients; any member call on them is an upstream call. */
const BUILT_IN_ROOTS = new Set([
  'fetch',
  'axios',
  'got',
  'ky',
  'undici',
  'superagent',
  'request',
  'needle',
  'phin',
  'ofetch',
  '$fetch',
  'wretch',
  'urllib',
  'httpClient',
  'http.request',
  'https.request',
  'http.get',
  'https.get',
]);

/** Callees of another service's SDK that are common enough to know by default. */
const BUILT_IN_PATTERNS = ['supabase.storage.*', 'axios.*', 'got.*', 'ky.*', 'undici.*', 'superagent.*', 'needle.*', 'this.httpService.*', 'httpService.*', 'this.http.*', 'globalThis.fetch', 'window.fetch'];

/**
 * Packages of hosted APIs whose clients make a network call on every method: a call on a client imported from
 * (or made with a class from) one of these is an upstream call, whatever the variable holding it is named.
 * `@scope/*` stands for every package of the scope.
 */
const SDK_MODULES: readonly string[] = [
  'stripe',
  'openai',
  '@anthropic-ai/sdk',
  'twilio',
  '@sendgrid/mail',
  '@sendgrid/client',
  'mailgun.js',
  'mailgun-js',
  'postmark',
  '@paypal/*',
  '@aws-sdk/*',
  '@octokit/*',
  'octokit',
  '@slack/web-api',
  // Mail, messaging and notification services.
  'nodemailer',
  'resend',
  '@mailchimp/*',
  'node-mailjet',
  '@aws-sdk/client-ses',
  'firebase-admin',
  'web-push',
  'discord.js',
  'telegraf',
  // AI providers, and the Vercel AI SDK's MCP client (`createMCPClient` connects). Not its provider packages
  // (`@ai-sdk/openai`): they make model objects; the request is made by `generateText` from 'ai'.
  '@ai-sdk/mcp',
  '@google/generative-ai',
  '@google/genai',
  'cohere-ai',
  '@mistralai/mistralai',
  'groq-sdk',
  '@huggingface/inference',
  'replicate',
  // Identity providers and directories: discovery, token exchange, key sets, LDAP binds.
  'openid-client',
  'simple-oauth2',
  'jwks-rsa',
  'ldapjs',
  'ldapts',
  // Remote tool servers.
  '@modelcontextprotocol/sdk',
  // Name resolution is a network service: a failed lookup is a dependency's failure.
  'dns',
  'dns/promises',
  // Cloud and hosted APIs.
  '@google-cloud/*',
  'googleapis',
  // One Google API per package: `@googleapis/searchconsole`, `@googleapis/drive`.
  '@googleapis/*',
  '@azure/storage-blob',
  '@azure/openai',
  'minio',
  'algoliasearch',
  'braintree',
  'square',
  '@hubspot/api-client',
  'plaid',
  'pusher',
  // Control planes of other systems: every call is a request to their API server.
  '@kubernetes/client-node',
  // Platforms' own API clients: every call is a request to that platform's API.
  'cloudflare',
  '@vercel/sdk',
  // Hosted content stores.
  'contentful',
  'contentful-management',
  '@sanity/client',
  'airtable',
  // Hosted storage, work tools and payment APIs (not webhook libraries: checking a signature is local work).
  '@vercel/blob',
  'cloudinary',
  'dropbox',
  '@notionhq/client',
  '@linear/sdk',
  '@gitbeaker/*',
  '@microsoft/microsoft-graph-client',
  'unsplash-js',
  '@paddle/paddle-node-sdk',
  '@lemonsqueezy/lemonsqueezy.js',
  'razorpay',
  '@upstash/qstash',
  // Push and messaging platforms, AI and vector services.
  'expo-server-sdk',
  '@line/bot-sdk',
  '@vonage/*',
  'mailersend',
  '@getbrevo/brevo',
  '@pinecone-database/pinecone',
  '@langchain/*',
  'ollama',
  // LLM tracing and evaluation platforms, web search and scraping APIs, speech APIs, bot platforms.
  'langsmith',
  'langfuse',
  '@mendable/firecrawl-js',
  'exa-js',
  '@tavily/core',
  'assemblyai',
  'elevenlabs',
  '@elevenlabs/elevenlabs-js',
  'node-telegram-bot-api',
  'grammy',
  'twitter-api-v2',
  // More hosted APIs whose client calls the service on every method, as servers use them: AI and code sandboxes,
  // search and scraping, messaging and push, payments, storage and media, identity, work tools, other platforms.
  '@anthropic-ai/*',
  '@e2b/*',
  'e2b',
  'voyageai',
  'deepl-node',
  'serpapi',
  'google-search-results-nodejs',
  'apify-client',
  '@slack/webhook',
  '@discordjs/rest',
  'ably',
  'messagebird',
  'plivo',
  'africastalking',
  'onesignal-node',
  '@onesignal/node-onesignal',
  '@parse/node-apn',
  'node-gcm',
  'sparkpost',
  'mandrill-api',
  'loops',
  '@plunk/node',
  'mercadopago',
  'paystack-api',
  'flutterwave-node-v3',
  'midtrans-client',
  'xendit-node',
  'coinbase-commerce-node',
  '@mollie/api-client',
  '@adyen/api-library',
  'chargebee',
  'chargebee-typescript',
  'recurly',
  'ali-oss',
  'qiniu',
  'cos-nodejs-sdk-v5',
  'backblaze-b2',
  'imagekit',
  '@mux/mux-node',
  '@vercel/edge-config',
  'auth0',
  '@workos-inc/node',
  '@okta/okta-sdk-nodejs',
  '@keycloak/keycloak-admin-client',
  'google-auth-library',
  'jira-client',
  'jira.js',
  'trello',
  'asana',
  'intercom-client',
  'node-zendesk',
  'shopify-api-node',
  '@shopify/admin-api-client',
  '@woocommerce/woocommerce-rest-api',
  'node-quickbooks',
  'xero-node',
  'docusign-esign',
  'spotify-web-api-node',
  'snoowrap',
  'youtubei.js',
  '@googlemaps/google-maps-services-js',
  'node-geocoder',
  'imapflow',
  'node-ssh',
  'ssh2-sftp-client',
  'basic-ftp',
];

/**
 * A package named for an AI service (`together-ai`, `cohere-ai`, `portkey-ai`, `@fal-ai/client`): its client asks that
 * service. Not a provider adapter (`ollama-ai-provider`), which only makes a model object.
 */
const NAMED_AI_SERVICE = /^(?:@[\w.-]+-ai\/[\w.-]+|[\w.-]+-ai)$/;

/**
 * A package named for reaching other services (`rw-api-microservice-node`'s `requestToMicroservice`, `@acme/api-client`):
 * its calls go to another server. Not a framework's own transport package (`@nestjs/microservices`).
 */
const NAMED_SERVICE_CLIENT = /^(?!@nestjs\/)(?:@[\w.-]+\/)?(?:[\w.-]+-)?(?:microservices?(?:-[\w.-]+)?|api-client)$/;

/**
 * Passport strategies of identity providers (`passport-github2`, `passport-google-oauth20`, `passport-steam`): signing in
 * asks the provider for a token and a profile. Not the strategies that check what the request carries by themselves.
 */
const PASSPORT_PROVIDER = /^passport-(?!(?:local|jwt|http|http-bearer|anonymous|headerapikey|custom|cookie|totp|remember-me|magic-link|magic-login|webauthn|fido2|saml|unique-token|localapikey|api-key|session|strategy|oauth2-client-password|client-cert|hash|mock|dummy|ldapauth)(?:$|-))[\w-]+$/;

/**
 * The names those SDK clients are usually held in, for when the imports say nothing (a client made in a local
 * module): `stripe.paymentIntents.create`, `this.openai.chat.completions.create`, `sgMail.send`.
 */
const SDK_ROOTS = new Set(['stripe', 'twilio', 'openai', 'anthropic', 'octokit', 'sgmail', 'mailgun', 'postmark', 'paypal', 'resend', 'plaid', 'sendgrid', 'mailchimp', 'hubspot', 'shopify', 'algolia', 'pusher', 'slackclient', 'nodemailer', 'transporter']);

/** Objects that carry the application's clients to a handler: a tRPC/Koa/Hono context, Express's locals, a deps bag. */
const CONTEXT_HOLDERS = /^(?:ctx|context|c|locals|deps|dependencies|services|clients|container)$/;

/** The SDK a root names: `stripe`, and a factory of its client, `getStripe()`, `createOpenAIClient()`. */
function sdkName(root: string): string {
  if (!root.endsWith('()')) return root.toLowerCase();
  return root.slice(0, -2).replace(/^(?:get|create|make|init|new|build)(?=[A-Z])/, '').replace(/(?:Client|Api|Sdk|Instance)$/, '').toLowerCase();
}

/** Object storage buckets (`supabase.storage.from(bucket)`, `client.storage.from(...).upload`): a hosted service. */
const OBJECT_STORAGE_BUCKET = /(?:^|\.)storage\.from(?:\.|$)/;

/** AWS SDK v3: `await s3Client.send(new GetObjectCommand(...))`, `S3Client.send` for a client made with `new S3Client()`. */
const AWS_CLIENT_SEND = /(?:^|\.)\w*Client\.send$/;

/** Markers of a failure of the network itself, as handlers test them: error codes, error class names, client helpers. */
const NETWORK_ERROR_MARKERS =
  /^(?:ETIMEDOUT|ESOCKETTIMEDOUT|ECONNABORTED|ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|EPIPE|UND_ERR_\w+|ERR_CANCELED|ERR_NETWORK|ERR_BAD_RESPONSE|AbortError|TimeoutError|FetchError|RequestError|HTTPError|AxiosError|isAxiosError|ConnectTimeoutError|HeadersTimeoutError|BodyTimeoutError|SocketError|response\.status|response\.statusCode|response\.data)$/;

/** Databases and caches: their failures are the server's own, and they raise the same network codes as an upstream. */
const DATABASE_MODULES: readonly string[] = ['pg', 'mysql', 'mysql2', 'mariadb', 'mssql', 'oracledb', 'mongodb', 'mongoose', '@prisma/client', 'redis', 'ioredis', '@redis/*', 'knex', 'sequelize', 'typeorm', 'drizzle-orm', 'kysely', 'better-sqlite3', 'sqlite3', '@vercel/kv', '@upstash/redis', 'cassandra-driver', '@elastic/elasticsearch', 'memcached'];

/** Roots of calls that do the server's own work: language built-ins, loggers, database and cache handles, the request and response. */
const OWN_ROOTS = /^(?:JSON|Math|Object|Array|Number|String|Date|Promise|Buffer|Symbol|Reflect|console|logger|log|crypto|path|fs|util|structuredClone|parseInt|parseFloat|setTimeout|clearTimeout|prisma|db|database|pool|knex|redis|cache|kv|mongoose|sequelize|em|entityManager|manager|dataSource|tx|trx|sql|req|res|reply|ctx|c|request|response|\w*(?:Repository|Repo|Model|Dao|Cache|Db|Pool))$/;

function matchesPattern(callee: string, pattern: string): boolean {
  if (pattern.endsWith('.*')) {
    const root = pattern.slice(0, -2);
    return callee === root || callee.startsWith(`${root}.`);
  }
  return callee === pattern;
}

/** A package named as the SDK of a service (`@lobehub/market-sdk`, `foo-sdk`, `@acme/sdk`), not an instrumentation SDK. */
const NAMED_SDK = /^(?!@opentelemetry\/)(?:@[\w.-]+\/)?(?:[\w.-]+-)?sdk$/;

/** Packages of general HTTP clients: pointed at any address, the application's own included. */
const HTTP_CLIENT_MODULES: readonly string[] = ['graphql-request', 'openapi-fetch', 'npm-registry-fetch', 'axios', 'got', 'ky', 'node-fetch', 'undici', 'superagent', 'needle', 'ofetch', 'cross-fetch', 'isomorphic-fetch', 'wretch', 'phin', 'request', 'request-promise', 'request-promise-native', '@better-fetch/fetch', 'redaxios', 'urllib', 'httpie', 'bent', 'make-fetch-happen', 'minipass-fetch'];

/** Is this package (`axios`, `node-fetch`) a general HTTP client? */
export function isHttpClientModule(module: string): boolean {
  return inModules(module, HTTP_CLIENT_MODULES);
}

/**
 * An absolute address of another host (`https://api.themoviedb.org/3`): not this machine, not a placeholder. An
 * application's client pointed at one reaches that service.
 */
const OUTSIDE_ADDRESS = /^https?:\/\/(?!(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\]|host\.docker\.internal|example\.(?:com|org|net))(?:[:/]|$))[\w-]+(?:\.[\w-]+)+(?:[:/]|$)/i;

export function isOutsideAddress(text: string): boolean {
  return OUTSIDE_ADDRESS.test(text);
}

/**
 * Packages whose client reaches the service but whose other functions are local helpers: WhatsApp Web clients, where
 * `sock.sendMessage(...)` goes to WhatsApp's servers over the socket `makeWASocket()` made, and `isJidGroup(jid)` only
 * reads a string.
 */
const CLIENT_ONLY_MODULES: readonly string[] = ['@whiskeysockets/baileys', 'baileys', '@adiwajshing/baileys', 'whatsapp-web.js', '@wppconnect-team/wppconnect', 'venom-bot'];

/** Is this a package of which only the client it makes calls the service (a function imported from it is local work)? */
export function isClientOnlyModule(module: string): boolean {
  return inModules(module, CLIENT_ONLY_MODULES);
}

/**
 * Parts of an SDK that serve or describe rather than call: the MCP SDK's server (`new McpServer(...)`,
 * `server.tool(...)`, `server.connect(transport)`) registers tools and answers clients, and its types
 * (`isInitializeRequest(body)`) test a message's shape; only its client calls another system.
 */
const SERVING_PARTS = ['@modelcontextprotocol/sdk/server', '@modelcontextprotocol/sdk/types', '@modelcontextprotocol/sdk/types.js'];

/**
 * Is this package (`stripe`, `@aws-sdk/client-s3`) the SDK of a hosted API? A front end may also give the outside
 * address an application's own client is pointed at (`https://api.themoviedb.org/3`) as where the client comes from.
 */
export function isUpstreamModule(module: string): boolean {
  const bare = module.replace(/^node:/, '');
  if (inModules(module, SERVING_PARTS)) return false;
  return inModules(module, SDK_MODULES) || inModules(module, CLIENT_ONLY_MODULES) || NAMED_SDK.test(bare) || NAMED_AI_SERVICE.test(bare) || NAMED_SERVICE_CLIENT.test(bare) || PASSPORT_PROVIDER.test(bare) || isOutsideAddress(module);
}

function inModules(module: string, modules: readonly string[]): boolean {
  const bare = module.startsWith('node:') ? module.slice(5) : module;
  return modules.some((entry) => (entry.endsWith('/*') ? bare.startsWith(entry.slice(0, -1)) : bare === entry || bare.startsWith(`${entry}/`)));
}

/**
 * Is this callee the server's own work rather than a call to another service: a built-in, a logger, a database or
 * cache (`this.prisma.order.update`, `pool.query`, `redis.get`)? Used where the callee is not known either way.
 */
export function isOwnCallee(callee: string, module?: string): boolean {
  if (module !== undefined && inModules(module, DATABASE_MODULES)) return true;
  const root = callee.replace(/\?\./g, '.').replace(/^this\./, '').split('.')[0];
  return OWN_ROOTS.test(root) && (callee.includes('.') || root !== 'request');
}

/**
 * Markers that catch every failure of an HTTP client (`axios.isAxiosError(e)`, `e instanceof FetchError`): a branch
 * that answers them apart leaves only the server's own failures after it. Narrow ones (a timeout, a status) do not,
 * nor does ky's or got's `HTTPError`, which is only an error status answered: the call's network failures (a refused
 * connection, a timeout) are still left after it.
 */
const ALL_CLIENT_FAILURES = /^(?:isAxiosError|AxiosError|FetchError|RequestError|GaxiosError|UndiciError|HttpErrorResponse)$/;

export function catchesEveryClientFailure(marker: string): boolean {
  return ALL_CLIENT_FAILURES.test(marker);
}

/**
 * The application's own names for a failure of another service: `ProviderError`, `isEmailProviderRateLimitError`,
 * `getProviderErrorDetails(error)`, `UpstreamServiceError`. Not `ApiError` or `HttpError`, which apps use for their own.
 */
const PROVIDER_ERROR_MARKER = /^(?:is|get|to|handle|format|log)?\w*(?:Provider|Upstream|Gateway|ThirdParty|ExternalService|ExternalApi|RemoteService|Vendor)\w*Error\w*$/;

/**
 * Errors of the server's own work, never of a call to another service: a text that did not parse (`SyntaxError` of
 * `JSON.parse`), a value that failed a schema (`ZodError`, `ValidationError`), a bug (`TypeError`), a token that did
 * not verify (`JsonWebTokenError`). A branch that tests one answers that error, whatever else its `try` called.
 */
const LOCAL_FAILURE_MARKER = /^(?:SyntaxError|TypeError|RangeError|ReferenceError|ZodError|ValiError|ValidationError|ValidatorError|JsonWebTokenError|TokenExpiredError|NotBeforeError|JWTExpired|JWSInvalid|JWTInvalid|MulterError)$/;

export function isLocalFailureMarker(marker: string): boolean {
  return LOCAL_FAILURE_MARKER.test(marker);
}

/** Does a handler that tests this marker (`ECONNABORTED`, `isAxiosError`, `response.status` of the error) handle a network failure? */
export function isNetworkErrorMarker(marker: string): boolean {
  return NETWORK_ERROR_MARKERS.test(marker) || PROVIDER_ERROR_MARKER.test(marker);
}

export function isProviderErrorMarker(marker: string): boolean {
  return PROVIDER_ERROR_MARKER.test(marker);
}

/**
 * Calls that wire a handler to events (`emitter.on(...)`, `client.once(...)`, `sock.ev.process(...)`): the handler runs
 * when the event comes, after whatever surrounds the call.
 */
export const EVENT_WIRING = /(?:^|\.)(?:on|once|addListener|prependListener|ev\.process)$/;

/**
 * What an SDK does without the network: checking a webhook's signature (`stripe.webhooks.constructEvent`), building or
 * presigning a URL (`getSignedUrl`), making a command object (`new PutObjectCommand()`, sent later by `client.send`),
 * unwiring a handler from its events (`client.off(...)`; wiring one is EVENT_WIRING), closing a client
 * (`client.close()`, `destroy()`): a teardown of what the server holds.
 */
const LOCAL_SDK_OPERATION = /(?:^|\.)(?:off|removeListener|removeAllListeners|close|destroy|dispose|quit|terminate|shutdown)$|(?:^|\.)(?:constructEvent(?:Async)?|verify\w*Signature|validate\w*Signature|validateRequest|generateAuthUrl|getAuthorizationUrl|authorizationUrl|buildAuthorizationUrl|randomState|randomPKCECodeVerifier|calculatePKCECodeChallenge|getSignedUrl\w*|getSignedCookies|(?:public|private)\w*Url|createPresignedPost|presign\w*|toJwt|toJWT|build\w*Token(?:With\w*)?|[A-Z]\w*Command)$|(?:^|\.)webhooks?\.(?:verify|unwrap|constructEvent)$/;

/**
 * Is this callee a hosted service's own SDK (`stripe.subscriptions.retrieve`, a client of `@aws-sdk/*`), rather than a
 * general HTTP client (`fetch`, `axios`) that may be pointed at any address, the client's own included?
 */
export function isServiceSdkCallee(callee: string, module?: string): boolean {
  // A general HTTP client at a fixed outside address (`fetch('https://api.vercel.com/...')`) is that service's client.
  if (module !== undefined && isOutsideAddress(module)) return true;
  const bare = bareCallee(callee);
  const root = bare.split('.')[0];
  if (BUILT_IN_ROOTS.has(root) || BUILT_IN_PATTERNS.some((pattern) => matchesPattern(bare, pattern))) return false;
  return isUpstreamCallee(callee, [], module);
}

/**
 * Functions named for sending mail or a text message, and a mailer's send (`emailLib.send`, `transporter.sendMail`):
 * whatever sends it, it goes through a mail or SMS provider.
 */
const MESSAGE_SENDER = /(?:^|\.)(?:send|deliver|dispatch)\w*(?:E-?mails?|Mail|Sms|SMS|TextMessage)$|(?:^|\.)(?:e?mail|mailer|emailLib|mailLib|mailService|emailService|emailClient|mailClient|sms|smsService|smsClient|transporter)\.(?:send|sendMail|deliver)\w*$/i;

/** `this.paymentsClient.charge` is the same client as `paymentsClient.charge`; `await` and `?.` say nothing of it. */
function bareCallee(callee: string): string {
  return callee.replace(/^await\s+/, '').replace(/\?\./g, '.').replace(/^this\./, '');
}

/**
 * Is this callee (`axios.get`, `fetch`, `stripe.charges.create`) a call to an upstream service? `module` is the
 * package the callee's client comes from, when the front end knows it: it decides over the variable's name.
 */
/** Packages that mostly work locally, whose named methods reach a remote: `git.clone(url)` of simple-git. */
const REMOTE_METHODS_OF: Readonly<Record<string, RegExp>> = {
  // The Vercel AI SDK: these ask the model's provider and throw when it fails. Not `streamText` or `streamObject`, whose
  // failures arrive in the stream, nor its local helpers (`tool`, `jsonSchema`, `convertToModelMessages`).
  ai: /^(?:generateText|generateObject|embed|embedMany|rerank|(?:experimental_)?(?:generateImage|generateSpeech|transcribe))$/,
  'simple-git': /^(?:clone|mirror|pull|fetch|push|listRemote|submoduleUpdate)$/,
  'isomorphic-git': /^(?:clone|pull|fetch|push|listServerRefs|getRemoteInfo)$/,
};

/**
 * Packages of a hosted service that also hold local helpers, by scope: the calls that reach the service. Clerk's
 * framework packages (`@clerk/nextjs`, `@clerk/express`, `@clerk/backend`) read the session locally (`auth()`,
 * `getAuth(req)`), while `clerkClient` (or `await clerkClient()`) calls Clerk's Backend API, as does `currentUser()`.
 */
const REMOTE_CALLS_OF: Readonly<Record<string, RegExp>> = {
  '@clerk': /^(?:clerkClient|clerk)(?:\(\))?\.\w+\.\w+|^currentUser$/,
  // Svix's client calls its API by resource (`svix.message.create`, `svix.authentication.appPortalAccess`); its
  // `Webhook` only checks a signature, locally (`wh.verify(payload, headers)`).
  svix: /\.(?:application|message|endpoint|authentication|eventType|messageAttempt|integration|statistics|backgroundTask|operationalWebhookEndpoint)\.\w+$/,
  // The AWS SDK v2: a service's client (`new AWS.SES()`, `new S3()`) calls it on every method (`ses.sendEmail(...)`,
  // `s3.getObject(...).promise()`), as `@aws-sdk/*` clients do; the namespace's own settings and helpers
  // (`AWS.config.update(...)`, `AWS.util.uuid.v4()`, `new AWS.Credentials(...)`) are local.
  'aws-sdk': /^(?!\w+\.(?:config|util|Credentials|EnvironmentCredentials|SharedIniFileCredentials|Endpoint|Config|DynamoDB\.Converter)(?:\.|$))\w+(?:\.\w+)*\.\w+$/,
};

/** Work an SDK does without a call to its service: a presigned address, a signature checked, a command object made. */
export function isLocalSdkOperation(callee: string): boolean {
  return LOCAL_SDK_OPERATION.test(bareCallee(callee));
}

/** A log line written through an SDK's logger (`LogService.info(...)` of matrix-bot-sdk, `sdk.logger.warn(...)`): nothing leaves. */
const LOGGING = /(?:^|\.)\w*(?:log|Log|LOG)(?:ger|Service|s)?\.(?:info|warn|warning|error|debug|trace|verbose|log|fatal|silly)$/;

export function isUpstreamCallee(callee: string, extraPatterns: readonly string[] = [], module?: string): boolean {
  const bare = bareCallee(callee);
  if (EVENT_WIRING.test(bare) || LOCAL_SDK_OPERATION.test(bare) || LOGGING.test(bare)) return false;
  const remoteMethods = module !== undefined ? REMOTE_METHODS_OF[module] : undefined;
  if (remoteMethods) return remoteMethods.test(bare.split('.').pop() ?? '');
  if (BUILT_IN_ROOTS.has(bare)) return true;
  const root = bare.split('.')[0];
  if (BUILT_IN_ROOTS.has(root) && root !== 'request') return true;
  if ([...BUILT_IN_PATTERNS, ...extraPatterns].some((pattern) => matchesPattern(bare, pattern))) return true;
  if (module !== undefined) {
    // A package that is partly local: only its client's calls go out (`clerkClient.users.getUser(...)`).
    const remote = Object.entries(REMOTE_CALLS_OF).find(([prefix]) => module === prefix || module.startsWith(`${prefix}/`))?.[1];
    if (remote) return remote.test(bare);
    return isUpstreamModule(module);
  }
  // `ctx.stripe.customers.create`, `c.var.openai.chat.completions.create`: a client handed over on a context object.
  const segments = bare.split('.');
  const carried = CONTEXT_HOLDERS.test(root) ? segments.slice(root === 'c' && segments[1] === 'var' ? 2 : 1) : undefined;
  if (carried && carried.length > 1 && SDK_ROOTS.has(sdkName(carried[0]))) return true;
  // `sendVerificationEmail(...)`, `mailer.sendWelcomeMail(...)`, `sendSms(...)`: mail and text messages leave through a provider.
  if (MESSAGE_SENDER.test(bare)) return true;
  return (SDK_ROOTS.has(sdkName(root)) && bare.includes('.')) || AWS_CLIENT_SEND.test(bare) || OBJECT_STORAGE_BUCKET.test(bare);
}
