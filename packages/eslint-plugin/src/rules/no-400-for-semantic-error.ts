// @status-lint/no-400-for-semantic-error: the core rule `no-400-for-semantic-error`, on the responses this file sends.
import { no400ForSemanticError } from '@status-lint/core';
import { createRule } from './create-rule.js';

export default createRule(no400ForSemanticError);
