// The version of this package, for links to the docs of the release a user has installed. A test keeps it equal to
// package.json's (the core does no I/O, so it cannot read it).
export const CORE_VERSION = '0.1.0';
