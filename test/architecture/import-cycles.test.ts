import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, describeCycles, partGraph } from '../../scripts/lib/import-graph.ts';

function tree(files: Record<string, string>): string {
  const src = join(mkdtempSync(join(tmpdir(), 'lianxin-imports-')), 'src');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(src, path)), { recursive: true });
    writeFileSync(join(src, path), text);
  }
  return src;
}

describe('imports between the top-level parts of src/ (each folder, each file directly in src/)', () => {
  it('form no cycle, type imports included', () => {
    const graph = partGraph('src');
    // The graph is real: the composition root reaches the layers below it.
    expect([...(graph.get('app')?.keys() ?? [])]).toEqual(expect.arrayContaining(['core', 'db', 'outbox', 'web']));
    const found = cycles(graph);
    expect(found, describeCycles(graph, found)).toEqual([]);
  });

  it('core/ imports nothing of ours, web/ only the logger: what every layer may use stays below them all', () => {
    const graph = partGraph('src');
    expect([...(graph.get('core')?.keys() ?? [])]).toEqual([]);
    expect([...(graph.get('web')?.keys() ?? [])].filter((p) => p !== 'log')).toEqual([]);
  });

  it('the check sees a cycle made by `import type`, by `export … from` and by `import()`, and not one in a comment', () => {
    const viaType = tree({
      'a/x.ts': "import type { B } from '../b/y.ts';\nexport type A = B;\n",
      'b/y.ts': "import type { A } from '../a/x.ts';\nexport type B = string; export type C = A;\n",
    });
    expect(cycles(partGraph(viaType))).toEqual([['a', 'b']]);

    const viaReExportAndDynamic = tree({
      'a/x.ts': "export { y } from '../b/y.ts';\n",
      'b/y.ts': "export const y = () => import('../main.ts');\n",
      'main.ts': "import { y } from './a/x.ts';\nvoid y;\n",
    });
    expect(cycles(partGraph(viaReExportAndDynamic))).toEqual([['a', 'b', 'main']]);

    const commentOnly = tree({
      'a/x.ts': "// import { y } from '../b/y.ts';\nexport const s = \"from '../b/y.ts'\";\n",
      'b/y.ts': "import { s } from '../a/x.ts';\nexport const y = s;\n",
    });
    expect(cycles(partGraph(commentOnly))).toEqual([]);
  });
});
