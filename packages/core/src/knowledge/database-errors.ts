// Codes databases and their clients give a write that broke a constraint, as server code tests them
// (`error.code === 'P2002'`, `case '23505':`, `err.code === 11000`): what the failure says of the stored state.

/** A unique constraint: the record already exists (409 Conflict). */
const UNIQUE_VIOLATION_CODES: readonly string[] = [
  'P2002', // Prisma
  '23505', // PostgreSQL unique_violation
  'ER_DUP_ENTRY', // MySQL (mysql, mysql2)
  '1062', // MySQL errno
  'SQLITE_CONSTRAINT_UNIQUE', // SQLite
  '11000', // MongoDB duplicate key
  '11001',
];

/** The record to update or delete was not there (404 Not Found). */
const RECORD_MISSING_CODES: readonly string[] = ['P2025', 'P2001'];

const quoted = (codes: readonly string[]): string => codes.map((code) => (/^\d+$/.test(code) ? `['"]?${code}['"]?` : `['"]${code}['"]`)).join('|');

/** A condition that compares an error's code with one of these: `error.code === 'P2002'`, `err?.code == 11000`, `e.errno === 1062`. */
function codeTest(codes: readonly string[]): RegExp {
  return new RegExp(`(?:\\b(?:code|errno|number|sqlState|sqlstate)\\s*={2,3}\\s*(?:${quoted(codes)})(?![\\w'"])|(?:${quoted(codes)})\\s*={2,3}\\s*[\\w$.?]*\\b(?:code|errno|number|sqlState|sqlstate)\\b)`);
}

const UNIQUE_VIOLATION_TEST = codeTest(UNIQUE_VIOLATION_CODES);
const RECORD_MISSING_TEST = codeTest(RECORD_MISSING_CODES);

/** What a condition on a database error's code says the stored state is: a duplicate (409) or a missing record (404). */
export function databaseErrorCodeStatus(condition: string): 409 | 404 | undefined {
  if (UNIQUE_VIOLATION_TEST.test(condition)) return 409;
  if (RECORD_MISSING_TEST.test(condition)) return 404;
  return undefined;
}
