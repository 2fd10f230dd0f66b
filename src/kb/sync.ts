// Keeps this instance's knowledge and classifier current: the knowledge/ files (edits on disk are noticed
// by polling their fingerprint) overlaid with the versions published from the console on any instance
// (noticed by polling KnowledgeStore.revision()), and the staff's training examples (retrain on change).
// It replaces KnowledgeHolder.watch(): a watcher reloading the files alone would drop the published edits.
import type { Problem } from '../core/problem';
import type { KnowledgeHolder } from './holder';
import type { KnowledgeBase } from './knowledge-base';
import { loadKnowledge } from './load';
import type { Example } from '../nlu/training-data';
import type { KnowledgeStore, KnowledgeVersion } from '../store/ports';
import { asExamples, trainingDocSchema } from './published/training-doc';
import { filesFingerprint } from './fingerprint';
import { TRAINING_KEY } from './published/keys';
import { overlay, type Origin } from './published/overlay';

export interface SyncTarget {
  readonly knowledge: KnowledgeHolder;
  retrain(extra: readonly Example[]): void;
}

export interface KnowledgeSyncOptions {
  store: KnowledgeStore;
  assistant: SyncTarget;
  knowledgeDir: string;
  pollMs: number;
  clock: () => Date;
  /** Problems in the files or in published versions (logged by the caller). */
  onProblems?: (problems: Problem[]) => void;
  onError?: (err: unknown) => void;
}

export interface KnowledgeStatus {
  /** What the bot answers from now, e.g. "files + 3 published (revision 12)". */
  source: string;
  revision: number;
  filesLoadedAt: Date | null;
  /** The files on disk do not load (the last good files stay in use). */
  filesProblems: Problem[];
  /** Published versions that no longer pass the schema (skipped). */
  storeProblems: Problem[];
  trainingVersion: number;
  checkedAt: Date | null;
}

export class KnowledgeSync {
  private files: KnowledgeBase | null = null;
  private fingerprint = '';
  private filesLoadedAt: Date | null = null;
  private filesProblems: Problem[] = [];
  private revision = -1;
  private published: KnowledgeVersion[] = [];
  private origins = new Map<string, Origin>();
  private storeProblems: Problem[] = [];
  private trainingVersion = 0;
  private checkedAt: Date | null = null;
  private queue: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly o: KnowledgeSyncOptions) {}

  /** Apply whatever changed since the last check; calls run one after another. */
  refresh(): Promise<void> {
    const run = this.queue.then(() => this.check());
    this.queue = run.catch(() => undefined);
    return run;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.refresh().catch((err: unknown) => this.o.onError?.(err));
    }, this.o.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  status(): KnowledgeStatus {
    return {
      source: this.o.assistant.knowledge.current().source,
      revision: this.revision,
      filesLoadedAt: this.filesLoadedAt,
      filesProblems: this.filesProblems,
      storeProblems: this.storeProblems,
      trainingVersion: this.trainingVersion,
      checkedAt: this.checkedAt,
    };
  }

  origin(id: string): Origin | null {
    return this.origins.get(id) ?? null;
  }

  /** The procedure as the file on disk has it (null when there is no such file). */
  fromFile(id: string) {
    return this.files?.procedures.get(id) ?? null;
  }

  private async check(): Promise<void> {
    const filesChanged = this.reloadFilesIfChanged();
    const revision = await this.o.store.revision();
    this.checkedAt = this.o.clock();
    if (revision === this.revision && !filesChanged) return;
    if (revision !== this.revision) {
      this.published = await this.o.store.current();
      this.revision = revision;
    }
    this.apply();
  }

  private reloadFilesIfChanged(): boolean {
    const fp = filesFingerprint(this.o.knowledgeDir);
    if (fp === this.fingerprint) return false;
    this.fingerprint = fp;
    const { kb, problems } = loadKnowledge(this.o.knowledgeDir);
    this.filesProblems = problems;
    if (problems.length) this.o.onProblems?.(problems);
    if (!kb) return false;
    this.files = kb;
    this.filesLoadedAt = this.o.clock();
    return true;
  }

  private apply(): void {
    const holder = this.o.assistant.knowledge;
    const base = this.files ?? holder.current();
    const { kb, origins, problems } = overlay(base, this.published, this.revision);
    holder.replace(kb);
    this.origins = origins;
    this.storeProblems = problems;
    if (problems.length) this.o.onProblems?.(problems);

    const training = this.published.find((v) => v.key === TRAINING_KEY);
    if (training && training.version !== this.trainingVersion) {
      const doc = trainingDocSchema.safeParse(training.content);
      if (doc.success) {
        this.o.assistant.retrain(asExamples(doc.data.examples));
      } else {
        this.o.onProblems?.([
          {
            file: `${TRAINING_KEY} v${training.version}`,
            field: '(content)',
            reason: 'is not a list of training examples',
          },
        ]);
      }
      this.trainingVersion = training.version;
    }
  }
}
