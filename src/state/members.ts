import type { components } from '../api/schema.js';
import type { Resource } from './resource.js';
import type { PortalScope } from './scope.js';

export type Member = components['schemas']['CustomerPortalMember'];
export type MemberList = components['schemas']['ListResource_CustomerPortalMember_'];
export type MemberRole = components['schemas']['MemberRole'];

export const MEMBERS_PAGE_SIZE = 50;

/** One page of the team (`members:<page>`). */
export const membersResource = (scope: PortalScope, page: number): Resource<MemberList> =>
  scope.resources.get(`members:${page}`, (signal) =>
    scope.api.get('/v1/customer-portal/members', { query: { page, limit: MEMBERS_PAGE_SIZE }, signal }),
  );

export const addMember = (scope: PortalScope, email: string, role: MemberRole) =>
  scope.api.post('/v1/customer-portal/members', { body: { email, role } });

export const updateMember = (scope: PortalScope, id: string, role: MemberRole) =>
  scope.api.patch('/v1/customer-portal/members/{id}', { path: { id }, body: { role } });

export const removeMember = (scope: PortalScope, id: string) =>
  scope.api.delete('/v1/customer-portal/members/{id}', { path: { id } });
