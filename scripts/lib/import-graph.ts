import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The import graph between the top-level parts of a source folder: each folder directly under it,
 * and each file directly in it, is one part. Every module reference counts: `import`, `import type`,
 * `export … from`, `import()`, and `import x = require()`; TypeScript's own pre-processor finds them,
 * so a reference in a comment or a string does not. Only relative references are followed (packages
 * are outside the graph); src/generated is skipped (the Prisma clients, written by a tool).
 */
export type PartGraph = Map<string, Map<string, string>>;

const SOURCE = /\.(ts|mts|cts|tsx)$/u;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'generated' && name !== 'node_modules') out.push(...sourceFiles(path));
    } else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The part a path inside `src` belongs to: `outbox` for src/outbox/x.ts, `app` for src/app.ts. */
export function partOf(src: string, path: string): string {
  const rel = relative(src, path).split(sep);
  return rel.length === 1 ? rel[0]!.replace(SOURCE, '') : rel[0]!;
}

/** Edges a → b (with one file that makes the arrow), for every part of `src` importing another. */
export function partGraph(src: string): PartGraph {
  const root = resolve(src);
  const graph: PartGraph = new Map();
  for (const file of sourceFiles(root)) {
    const from = partOf(root, file);
    if (!graph.has(from)) graph.set(from, new Map());
    const refs = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
    for (const ref of refs) {
      if (!ref.fileName.startsWith('.')) continue;
      const target = resolve(dirname(file), ref.fileName);
      if (!target.startsWith(root + sep) || target.includes(`${sep}generated${sep}`)) continue;
      const to = partOf(root, target);
      if (to === from) continue;
      const edges = graph.get(from)!;
      if (!edges.has(to)) edges.set(to, relative(dirname(root), file));
    }
  }
  return graph;
}

/** The strongly connected groups of more than one part (Tarjan): each is a cycle. */
export function cycles(graph: PartGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

/** One line per cycle, then each arrow inside it with a file that makes it. */
export function describeCycles(graph: PartGraph, found: string[][]): string {
  return found
    .map((group) => {
      const arrows = group.flatMap((a) =>
        [...(graph.get(a) ?? [])].filter(([b]) => group.includes(b)).map(([b, file]) => `  ${a} → ${b}  (${file})`),
      );
      return [`cycle: ${group.join(' ↔ ')}`, ...arrows].join('\n');
    })
    .join('\n');
}

// `npx tsx scripts/lib/import-graph.ts [src]`: prints the cycles, exits 1 when there is one.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const graph = partGraph(process.argv[2] ?? 'src');
  const found = cycles(graph);
  console.log(found.length ? describeCycles(graph, found) : 'no import cycle between the parts of src/');
  process.exitCode = found.length ? 1 : 0;
}
