import { z } from 'zod';

/** The fields of Confluence's answers the app relies on (the rest pass through). */
export const OperationV1 = z.object({ operation: z.string(), targetType: z.string() });

export const CurrentUser = z.object({
  type: z.string(),
  accountId: z.string().optional(),
  displayName: z.string().optional(),
  operations: z.array(OperationV1).optional(),
});

export const V1Links = z.object({ next: z.string().optional() }).optional();
export const V2Links = z.object({ next: z.string().optional() }).optional();

export const GroupV1 = z.object({ id: z.string(), name: z.string() });
export const GroupPage = z.object({
  results: z.array(GroupV1),
  start: z.number().optional(),
  limit: z.number().optional(),
  size: z.number().optional(),
  _links: V1Links,
});

export const SpaceV2 = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  key: z.string(),
  name: z.string(),
});
export const SpacePageV2 = z.object({ results: z.array(SpaceV2), _links: V2Links });

export const PermittedOperations = z.object({ operations: z.array(OperationV1) });

export const SpacePermissionV2 = z.object({
  principal: z.object({ type: z.string(), id: z.string().nullable().optional() }),
  operation: z.object({ key: z.string(), targetType: z.string() }),
});
export const SpacePermissionPageV2 = z.object({ results: z.array(SpacePermissionV2), _links: V2Links });

export const UserV1 = z.object({ accountId: z.string(), displayName: z.string() });
export const UserSearchPage = z.object({
  results: z.array(z.object({ user: UserV1.optional() })),
  size: z.number().optional(),
});

export const SpaceSearchPage = z.object({
  results: z.array(
    z.object({
      space: z
        .object({ id: z.union([z.string(), z.number()]).transform(String), key: z.string(), name: z.string() })
        .optional(),
    }),
  ),
});
