// Materialised paths for the org tree: "/<rootId>/<childId>/…/<ownId>/". Every id is a
// cuid (no "/"), so "is X inside Y's subtree" is a string-prefix test, and in SQL one
// `path LIKE '<Y.path>%'` on an indexed column.

export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? "/"}${id}/`;
}

export function isWithinSubtree(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/** Ids on the path from the root down to the unit itself, in order. */
export function pathIds(path: string): string[] {
  return path.split("/").filter(Boolean);
}

/** Ids of the strict ancestors of the unit whose path this is. */
export function ancestorIds(path: string): string[] {
  return pathIds(path).slice(0, -1);
}

export function depthOf(path: string): number {
  return pathIds(path).length - 1;
}

/**
 * The path a unit and its whole subtree take when the unit moves under a new parent.
 * Refuses a move into the unit's own subtree, which would cut the branch off the tree.
 */
export function movedPath(unitPath: string, unitId: string, newParentPath: string): string {
  if (isWithinSubtree(newParentPath, unitPath)) {
    throw new Error("cannot move an org unit into its own subtree");
  }
  return childPath(newParentPath, unitId);
}
