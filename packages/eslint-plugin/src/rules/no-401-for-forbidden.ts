// @status-lint/no-401-for-forbidden: the core rule `no-401-for-forbidden`, on the responses this file sends.
import { no401ForForbidden } from '@status-lint/core';
import { createRule } from './create-rule.js';

export default createRule(no401ForForbidden);
