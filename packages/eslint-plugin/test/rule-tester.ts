// The RuleTester wired to vitest, and the language options of plain JavaScript files, shared by the rule tests.
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const ruleTester = new RuleTester();

/** `.js` files parsed by ESLint's default parser, as ESM. */
export const javascript = { parser: espree, parserOptions: { ecmaVersion: 'latest' as const, sourceType: 'module' as const } };
