/** Who may take staff actions: pure predicates (the same ones decide which forms a page shows). */
import { isAdmin, isStaff, type Viewer } from '../shared/index.js'

/** Lock, pin, close, move, merge; silence, suspend, trust levels: moderators and admins. */
export function canModerate(viewer: Viewer | null): boolean {
  return isStaff(viewer)
}

/** Roles and staff titles: admins only. */
export function canAdminister(viewer: Viewer | null): boolean {
  return isAdmin(viewer)
}
