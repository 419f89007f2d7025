// @status-lint/no-500-for-upstream-error: the core rule `no-500-for-upstream-error`, on the responses this file sends.
import { no500ForUpstreamError } from '@status-lint/core';
import { createRule } from './create-rule.js';

export default createRule(no500ForUpstreamError);
