// The words of an error kept in a table of another file: `badRequestException(ActivityTypeExceptionMessages.ACTIVITY_TYPE_001)`
// where the table holds `{ code_error, message: 'Activity Type not found.' }`, or `ERRORS.USER_EXISTS` holding a string.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { keyName, rootIdentifier, staticText, unwrap, type FileContext } from '../resolve/values.js';
import { definitionIn } from './definitions.js';

/** The properties of an error's entry that hold its words. */
const MESSAGE_KEY = /^(?:message|msg|error|detail|description|errorMessage)$/;

/** The text an imported name or a member of an imported table stands for, when the table writes it out. */
export function importedMessageText(context: FileContext, node: TSESTree.Node): string | undefined {
  const current = unwrap(node);
  if (current.type !== AST_NODE_TYPES.MemberExpression && current.type !== AST_NODE_TYPES.Identifier) return undefined;
  // Only what the file imports: a local table is read by the file's own reading of values.
  const root = rootIdentifier(current);
  if (!root || !context.imports.binding(root.name)) return undefined;
  const definition = definitionIn(context, current);
  if (definition?.kind === 'value') return typeof definition.node.value === 'string' ? definition.node.value : undefined;
  if (definition?.kind !== 'object') return undefined;
  for (const property of definition.node.properties) {
    if (property.type !== AST_NODE_TYPES.Property || !MESSAGE_KEY.test(keyName(property) ?? '')) continue;
    const text = staticText(definition.file.context, property.value);
    if (text !== undefined) return text;
  }
  return undefined;
}
