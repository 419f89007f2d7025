// @status-lint/require-retry-after-on-429: the core rule `require-retry-after-on-429`, on the responses this file sends.
import { requireRetryAfterOn429 } from '@status-lint/core';
import { createRule } from './create-rule.js';

export default createRule(requireRetryAfterOn429);
