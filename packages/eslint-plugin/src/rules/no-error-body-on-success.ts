// @status-lint/no-error-body-on-success: the core rule `no-error-body-on-success`, on the responses this file sends.
import { noErrorBodyOnSuccess } from '@status-lint/core';
import { createRule } from './create-rule.js';

export default createRule(noErrorBodyOnSuccess);
