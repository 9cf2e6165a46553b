import type { components } from '../api/schema.js';
import { MEMBERS, SEATS } from './keys.js';
import type { Resource } from './resource.js';
import type { PortalScope } from './scope.js';

export type Member = components['schemas']['CustomerPortalMember'];
export type MemberList = components['schemas']['ListResource_CustomerPortalMember_'];
export type MemberRole = components['schemas']['MemberRole'];

export { MEMBERS };
export const MEMBERS_PAGE_SIZE = 50;

/** One page of the team (`members:<page>`). */
export const membersResource = (scope: PortalScope, page: number): Resource<MemberList> =>
  scope.resources.get(`${MEMBERS}:${page}`, (signal) =>
    scope.api.get('/v1/customer-portal/members', { query: { page, limit: MEMBERS_PAGE_SIZE }, signal }),
  );

/** Changes every loaded page of the team the way Polar's answer says, without a request. */
const changePages = (scope: PortalScope, change: (items: Member[]) => Member[]) =>
  scope.resources.update<MemberList>(MEMBERS, (list) => {
    const items = change(list.items);
    return { ...list, items, pagination: { ...list.pagination, total_count: list.pagination.total_count + items.length - list.items.length } };
  });

/**
 * Invites someone to the team. Polar answers an address that is already a member with that
 * member, unchanged (`existed`); only a new member refreshes the list.
 */
export async function addMember(scope: PortalScope, email: string, role: MemberRole): Promise<{ member: Member; existed: boolean }> {
  const started = Date.now();
  const member = await scope.api.post('/v1/customer-portal/members', { body: { email, role } });
  const existed = Date.parse(member.created_at) < started - 60_000;
  if (!existed) void scope.resources.invalidate(MEMBERS);
  return { member, existed };
}

export async function updateMember(scope: PortalScope, id: string, role: MemberRole): Promise<Member> {
  const member = await scope.api.patch('/v1/customer-portal/members/{id}', { path: { id }, body: { role } });
  changePages(scope, (items) => items.map((m) => (m.id === member.id ? member : m)));
  return member;
}

/** Removes a member; Polar revokes their seats with them, so every seat list refreshes. */
export async function removeMember(scope: PortalScope, id: string): Promise<void> {
  await scope.api.delete('/v1/customer-portal/members/{id}', { path: { id } });
  changePages(scope, (items) => items.filter((m) => m.id !== id));
  void scope.resources.invalidate(SEATS);
}
