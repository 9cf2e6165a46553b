import type { components } from '../api/schema.js';
import { MEMBERS, SEATS } from './keys.js';
import { allPages, PAGE_SIZE } from './pages.js';
import type { Resource } from './resource.js';
import type { PortalScope } from './scope.js';

export type Member = components['schemas']['CustomerPortalMember'];
export type MemberRole = components['schemas']['MemberRole'];

export { MEMBERS };

/**
 * The whole team, every page of it. Polar lists members in no order (customer_portal/endpoints/
 * member.py has no ORDER BY, so a row moves when it changes): pages read one by one can repeat
 * or skip people. So the element gets them all, once, and sorts and pages them itself.
 */
export const membersResource = (scope: PortalScope): Resource<Member[]> =>
  scope.resources.get(MEMBERS, (signal) => allPages((page) => scope.api.get('/v1/customer-portal/members', { query: { page, limit: PAGE_SIZE }, signal })));

/** Members whose seats Polar is still revoking in the background, by scope. */
const revoking = new WeakMap<PortalScope, Set<string>>();

/** True while Polar's background job has not yet revoked this removed member's seats. */
export const isRevoking = (scope: PortalScope, memberId: string | null | undefined): boolean => !!memberId && !!revoking.get(scope)?.has(memberId);

/**
 * Invites someone to the team. Polar answers an address that is already a member with that
 * member, unchanged (`existed`); only a new member changes the list.
 */
export async function addMember(scope: PortalScope, email: string, role: MemberRole): Promise<{ member: Member; existed: boolean }> {
  const before = scope.resources.peek<Member[]>(MEMBERS);
  const started = Date.now();
  const member = await scope.api.post('/v1/customer-portal/members', { body: { email, role } });
  const existed = before ? before.some((m) => m.id === member.id) : Date.parse(member.created_at) < started - 60_000;
  if (!existed) scope.resources.update<Member[]>(MEMBERS, (list) => [...list, member]);
  return { member, existed };
}

export async function updateMember(scope: PortalScope, id: string, role: MemberRole): Promise<Member> {
  const member = await scope.api.patch('/v1/customer-portal/members/{id}', { path: { id }, body: { role } });
  // Handing over ownership makes the old owner, the one signed in, a billing manager: ask for
  // the team and the user again.
  if (role === 'owner') void Promise.all([scope.resources.invalidate(MEMBERS), scope.session.refreshUser()]);
  else scope.resources.update<Member[]>(MEMBERS, (list) => list.map((m) => (m.id === member.id ? member : m)));
  return member;
}

/**
 * Removes a member. Polar revokes their seats in a background job (member/service.py `delete`):
 * until it has, their seats show as being revoked, and the seat lists are asked again a few
 * times until none of them holds the member.
 */
export async function removeMember(scope: PortalScope, id: string): Promise<void> {
  await scope.api.delete('/v1/customer-portal/members/{id}', { path: { id } });
  scope.resources.update<Member[]>(MEMBERS, (list) => list.filter((m) => m.id !== id));
  void followRevocation(scope, id);
}

async function followRevocation(scope: PortalScope, id: string): Promise<void> {
  const set = revoking.get(scope) ?? new Set<string>();
  revoking.set(scope, set.add(id));
  for (const delay of [0, 1000, 2000, 4000, 8000]) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    await scope.resources.invalidate(SEATS);
    if (!scope.resources.some<{ seats: { member_id: string | null; status: string }[] }>(SEATS, (list) => list.seats.some((s) => s.member_id === id && s.status !== 'revoked'))) break;
  }
  set.delete(id);
  await scope.resources.invalidate(SEATS);
}
