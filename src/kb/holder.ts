// Holds the current knowledge base. A reload that finds bad files keeps the last good version and
// reports the problems, so a typo in one file never takes the bot down.
import fs from 'node:fs';
import type { Problem } from '../core/problem';
import type { KnowledgeBase } from './knowledge-base';
import { loadKnowledge } from './load';

export class KnowledgeHolder {
  private kb: KnowledgeBase;
  private problems: Problem[] = [];
  private watcher: fs.FSWatcher | null = null;

  private constructor(
    private readonly dir: string,
    initial: KnowledgeBase,
    private readonly onProblems: (p: Problem[]) => void,
  ) {
    this.kb = initial;
  }

  /** The first load must succeed: starting without any knowledge would be a dead end for citizens. */
  static open(dir: string, onProblems: (p: Problem[]) => void = () => {}): KnowledgeHolder {
    const { kb, problems } = loadKnowledge(dir);
    if (!kb)
      throw new Error(
        `knowledge base in ${dir} is invalid:\n${problems.map((p) => `${p.file}: ${p.field}: ${p.reason}`).join('\n')}`,
      );
    return new KnowledgeHolder(dir, kb, onProblems);
  }

  current(): KnowledgeBase {
    return this.kb;
  }

  lastProblems(): readonly Problem[] {
    return this.problems;
  }

  /** Re-reads the files; on problems keeps the last good version. */
  reload(): Problem[] {
    const { kb, problems } = loadKnowledge(this.dir);
    this.problems = problems;
    if (kb) this.kb = kb;
    else this.onProblems(problems);
    return problems;
  }

  /** Replace with a version from elsewhere (e.g. a staff publish). */
  replace(kb: KnowledgeBase): void {
    this.kb = kb;
  }

  /** Picks up edits made on disk (debounced). */
  watch(): void {
    if (this.watcher) return;
    let timer: NodeJS.Timeout | null = null;
    this.watcher = fs.watch(this.dir, { recursive: true }, () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => this.reload(), 200);
    });
    this.watcher.unref();
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
  }
}
