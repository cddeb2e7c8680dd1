// Which message namespaces each route's client components use, and which its providers ship
// (docs/decisions/0020-client-messages-per-segment.md). Read from the source with the
// TypeScript parser, not by running anything: the routes are app/**/page.tsx, each with the
// layouts (and error/not-found/loading/template files) of its folders above it.
//
// A file is client code when it says "use client" or a client file imports it (the bundler
// puts the whole import tree under a "use client" file into the browser), until a
// "use server" file (an action reference, whose imports stay on the server). Client code's
// namespaces are the string arguments of useTranslations, narrowed to the keys it reads when
// every use of the translator is a call with a literal key (`const t = useTranslations("errors")`
// and only `t("network")`: "errors.network"), so a layout may ship a few keys of a large
// namespace. A server component's translators read the full catalogue on the server and are
// no concern here.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = process.cwd();
const APP = path.join(ROOT, "app");
/** Files of a route folder that Next renders around or instead of its page, inside its layout. */
const SEGMENT_FILES = ["layout.tsx", "template.tsx", "error.tsx", "loading.tsx", "not-found.tsx", "forbidden.tsx", "unauthorized.tsx"];
/** The component that ships namespaces to the client (components/i18n/client-messages.tsx). */
const PROVIDER = "ClientMessages";

export type SourceFile = {
  file: string;
  directive: "client" | "server" | null;
  /** Runtime imports (type-only ones left out), resolved to files of this repository. */
  imports: string[];
  /** useTranslations("ns") arguments, or "ns.key" for each key read when all keys are literal. */
  namespaces: string[];
  /**
   * Field messages of a module's branch that the file names ("@hotline.phoneFormat" →
   * "validation.hotline.phoneFormat"): needed where a form translates field messages in the
   * browser (a client file uses "validation.*"), see `used`.
   */
  fieldKeys: string[];
  /** useTranslations / useMessages calls whose namespace cannot be read: "file:line what". */
  unreadable: string[];
  /** <ClientMessages namespaces={[…]}>: what each one ships. */
  provides: string[][];
  /** <ClientMessages> whose namespaces are not an array of string literals: "file:line". */
  unreadableProvides: string[];
};

const cache = new Map<string, SourceFile>();

/** The namespace of field messages (lib/platform/i18n/field-errors.ts): "@key" or "@branch.key". */
const FIELD_NAMESPACE = "validation";
const BRANCH_KEY = /^[a-zA-Z]\w*(?:\.\w+)+/;
const FIELD_BRANCH_KEY = /^@([a-zA-Z]\w*(?:\.\w+)+)/;
/** `node` is argument `index` of a call to the function named `name`. */
const isArgumentOf = (node: ts.Node, name: string, index: number) =>
  ts.isCallExpression(node.parent) && ts.isIdentifier(node.parent.expression) && node.parent.expression.text === name && node.parent.arguments[index] === node;

function rel(file: string) {
  return path.relative(ROOT, file);
}

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith("./") || spec.startsWith("../")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function stringArray(node: ts.Expression): string[] | null {
  if (!ts.isArrayLiteralExpression(node)) return null;
  const out: string[] = [];
  for (const el of node.elements) {
    if (!ts.isStringLiteral(el) && !ts.isNoSubstitutionTemplateLiteral(el)) return null;
    out.push(el.text);
  }
  return out;
}

const literal = (node: ts.Node | undefined): string | null =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;

/**
 * What `useTranslations(namespace)` at `call` reads: "ns.key" for each key when the translator is
 * a const whose every use, in the function that declares it, is `t("key")` or `t.rich("key")`
 * (also markup, has, raw) with a literal key; otherwise the whole namespace (a computed key, the
 * translator passed on or returned).
 */
function keysRead(call: ts.CallExpression, namespace: string): string[] {
  const declaration = call.parent;
  if (!ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return [namespace];
  const name = declaration.name.text;
  let scope: ts.Node = declaration;
  while (scope.parent && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  const keys = new Set<string>();
  let whole = false;
  const look = (node: ts.Node) => {
    if (whole) return;
    if (ts.isIdentifier(node) && node.text === name && node !== declaration.name) {
      const parent = node.parent;
      let key: string | null = null;
      if (ts.isCallExpression(parent) && parent.expression === node) key = literal(parent.arguments[0]);
      else if (ts.isPropertyAccessExpression(parent) && parent.expression === node && ["rich", "markup", "has", "raw"].includes(parent.name.text)) {
        const use = parent.parent;
        if (ts.isCallExpression(use) && use.expression === parent) key = literal(use.arguments[0]);
      }
      // translateFieldError(message, t): the field messages, which are the namespace's own
      // strings ("ns.*"); a module's branch comes from the schemas that name its keys (below).
      if (isArgumentOf(node, "translateFieldError", 1)) key = "*";
      if (key === null) whole = true;
      else keys.add(`${namespace}.${key}`);
    }
    ts.forEachChild(node, look);
  };
  look(scope);
  return whole || keys.size === 0 ? [namespace] : [...keys];
}

export function parse(file: string): SourceFile {
  const cached = cache.get(file);
  if (cached) return cached;
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const info: SourceFile = { file, directive: null, imports: [], namespaces: [], fieldKeys: [], unreadable: [], provides: [], unreadableProvides: [] };
  const first = source.statements[0];
  if (first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression)) {
    if (first.expression.text === "use client") info.directive = "client";
    if (first.expression.text === "use server") info.directive = "server";
  }
  const where = (node: ts.Node) => `${rel(file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const addImport = (spec: string) => {
    const resolved = resolveImport(file, spec);
    if (resolved) info.imports.push(resolved);
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly = clause?.isTypeOnly || (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) addImport(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) addImport(node.moduleSpecifier.text);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      // A field message of a module's branch ("@hotline.callerPhone", fieldMessage("points.x")):
      // where a schema runs in the browser, its form translates it there.
      const key = FIELD_BRANCH_KEY.exec(node.text)?.[1] ?? (isArgumentOf(node, "fieldMessage", 0) ? BRANCH_KEY.exec(node.text)?.[0] : undefined);
      if (key) info.fieldKeys.push(`${FIELD_NAMESPACE}.${key}`);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) addImport(node.arguments[0].text);
      const name = ts.isIdentifier(callee) ? callee.text : null;
      if (name === "useTranslations") {
        const arg = node.arguments[0];
        if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) info.namespaces.push(...keysRead(node, arg.text));
        else info.unreadable.push(`${where(node)} ${node.getText(source)}`);
      } else if (name === "useMessages") {
        info.unreadable.push(`${where(node)} useMessages() (the whole catalogue)`);
      }
    } else if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && node.tagName.getText(source) === PROVIDER) {
      const attr = node.attributes.properties.find((p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText(source) === "namespaces");
      const expr = attr?.initializer && ts.isJsxExpression(attr.initializer) ? attr.initializer.expression : undefined;
      const list = expr ? stringArray(expr) : null;
      if (list) info.provides.push(list);
      else info.unreadableProvides.push(where(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  cache.set(file, info);
  return info;
}

/** Client files reachable from `entry` (itself included when it is one), each once. */
export function clientFilesFrom(entry: string): SourceFile[] {
  const seen = new Set<string>();
  const client: SourceFile[] = [];
  const walk = (file: string, inClient: boolean) => {
    const info = parse(file);
    const isClient = inClient || info.directive === "client";
    // An action reference: the browser gets an id, the file's imports stay on the server.
    if (isClient && info.directive === "server") return;
    const key = `${isClient ? "c" : "s"}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (isClient) client.push(info);
    for (const next of info.imports) walk(next, isClient);
  };
  walk(entry, false);
  return client;
}

export type RouteFile = { file: string; /** What the providers around this file ship. */ shipped: string[] };
export type Route = { page: string; files: RouteFile[] };

/** Every page with the files Next renders for it, each with the namespaces shipped around it. */
export function routes(): Route[] {
  const pages: string[] = [];
  const find = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) find(full);
      else if (entry.name === "page.tsx") pages.push(full);
    }
  };
  find(APP);
  return pages.sort().map((page) => {
    const dirs: string[] = [];
    for (let dir = path.dirname(page); ; dir = path.dirname(dir)) {
      dirs.unshift(dir);
      if (dir === APP) break;
    }
    const files: RouteFile[] = [];
    const shipped: string[] = [];
    for (const dir of dirs) {
      // A folder's layout wraps its other files (error.tsx, the page…) and the folders below.
      const layout = path.join(dir, "layout.tsx");
      if (existsSync(layout)) for (const list of parse(layout).provides) shipped.push(...list);
      for (const name of SEGMENT_FILES) {
        const file = path.join(dir, name);
        if (existsSync(file)) files.push({ file, shipped: [...shipped, ...(name === "layout.tsx" ? [] : parse(file).provides.flat())] });
      }
    }
    files.push({ file: page, shipped: [...shipped, ...parse(page).provides.flat()] });
    return { page, files };
  });
}

/**
 * `namespace` is shipped when it or a namespace above it ("points" for "points.config") is, or
 * it is one of the own strings of an "ns.*" that is ("validation.required" by "validation.*").
 */
export function covers(shipped: readonly string[], namespace: string): boolean {
  return shipped.some((s) => {
    if (s === namespace || namespace.startsWith(`${s}.`)) return true;
    const own = s.endsWith(".*") ? s.slice(0, -1) : null; // "validation."
    return own !== null && namespace.startsWith(own) && !namespace.slice(own.length).includes(".");
  });
}

export type Finding = { route: string; file: string; client: string; namespace: string };

/**
 * What `clients` read: their namespaces and, when one of them translates field messages in
 * the browser ("validation.*", translateFieldError), the branch keys their schemas name.
 */
export function used(clients: readonly SourceFile[]): { client: SourceFile; namespace: string }[] {
  const translatesFields = clients.some((c) => c.namespaces.includes(`${FIELD_NAMESPACE}.*`));
  return clients.flatMap((client) => [...client.namespaces, ...(translatesFields ? client.fieldKeys : [])].map((namespace) => ({ client, namespace })));
}

/** Client files' namespaces that the providers around them do not ship. */
export function missingNamespaces(): Finding[] {
  const findings: Finding[] = [];
  for (const route of routes()) {
    for (const { file, shipped } of route.files) {
      for (const { client, namespace } of used(clientFilesFrom(file))) {
        if (!covers(shipped, namespace)) findings.push({ route: rel(route.page), file: rel(file), client: rel(client.file), namespace });
      }
    }
  }
  return findings;
}

/** Every namespace the client files under a route file use (for unused-declaration checks). */
export function usedBelow(file: string): string[] {
  return used(clientFilesFrom(file)).map((u) => u.namespace);
}

/** Every file reachable from the routes, parsed (server and client). */
export function allReachable(): SourceFile[] {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of parse(file).imports) walk(next);
  };
  for (const route of routes()) for (const { file } of route.files) walk(file);
  return [...seen].map(parse);
}

export const relative = rel;
