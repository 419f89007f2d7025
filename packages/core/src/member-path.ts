// Member paths as the front ends write them (`req.user.role`, `this.configService.serviceMode`).

/** The last name of a member path: `role` of `req.user.role`. */
export function lastSegment(member: string): string {
  return member.slice(member.lastIndexOf('.') + 1);
}

/** Is `name` a local copy of the member at `path` (`organizationId` of `const { organizationId } = ctx`, `ctx.organizationId`)? */
export function copiesMember(name: string, path: string): boolean {
  return !name.includes('.') && path.endsWith(`.${name}`);
}
