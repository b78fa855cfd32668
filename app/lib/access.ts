/** The answer of the database's `my_access()`, parsed; shared by server code and the layout. */
import { z } from "zod";

export const accessSchema = z.object({
  user_id: z.string().nullable(),
  status: z.enum(["pending", "active", "deactivated", "rejected"]).nullable(),
  organisation_id: z.string().nullable(),
  role: z.enum(["member", "admin"]).nullable(),
  is_platform_admin: z.boolean(),
  aal: z.string(),
});
export type Access = z.infer<typeof accessSchema>;

/**
 * Which links the navigation shows. The database decided every fact in `access`; this only
 * reads them (hiding a link is not a permission: the pages and the database check again).
 */
export interface NavigationAccess {
  active: boolean;
  organisationAdmin: boolean;
  platformAdmin: boolean;
}

export function navigationAccess(access: Access | null): NavigationAccess {
  const active = access?.status === "active";
  return {
    active,
    organisationAdmin: active && access?.role === "admin",
    platformAdmin: access?.is_platform_admin === true,
  };
}
