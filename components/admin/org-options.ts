// Org-unit picker options (from lib/platform/org/queries orgUnitOptions): indentation by level,
// since <option> cannot be padded. Full-width spaces keep CJK names aligned.
export type OrgOption = { id: string; name: string; kind: string; level: number };

export function indentedName(option: Pick<OrgOption, "name" | "level">): string {
  return `${"\u3000".repeat(Math.max(0, option.level))}${option.name}`;
}
