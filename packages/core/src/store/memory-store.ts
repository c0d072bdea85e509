/**
 * The in-memory Store: what the mock server and the server's embedded default
 * run on. Maps for lookups, per-project sorted lists for listing.
 */
import type { Project, Snapshot, VCluster } from "@open-vcluster/sdk";
import { projectOf } from "../names.js";
import { SortedList } from "./sorted-list.js";
import type { IdempotencyRecord, Store, StoredOperation } from "./store.js";

class Collection<T extends { name: string }> {
  private readonly byName = new Map<string, T>();
  private readonly byProject = new Map<string, SortedList<T>>();

  get(name: string): T | undefined {
    return this.byName.get(name);
  }

  put(item: T): void {
    this.byName.set(item.name, item);
    const project = projectOf(item.name);
    let list = this.byProject.get(project);
    if (!list) this.byProject.set(project, (list = new SortedList<T>((x) => x.name)));
    list.upsert(item);
  }

  delete(name: string): void {
    this.byName.delete(name);
    this.byProject.get(projectOf(name))?.remove(name);
  }

  list(project: string): readonly T[] {
    return this.byProject.get(project)?.all ?? [];
  }

  values(): IterableIterator<T> {
    return this.byName.values();
  }

  clear(): void {
    this.byName.clear();
    this.byProject.clear();
  }
}

export class MemoryStore implements Store {
  private readonly projects = new Map<string, Project>();
  private projectList = new SortedList<Project>((p) => p.name);
  private readonly vclusters = new Collection<VCluster>();
  private readonly snapshots = new Collection<Snapshot>();
  private readonly operations = new Map<string, StoredOperation>();
  private readonly operationsByProject = new Map<string, StoredOperation[]>();
  /** Position of each operation in its project's list, so a progress update is O(1). */
  private readonly operationIndex = new Map<string, number>();
  private readonly idempotency = new Map<string, IdempotencyRecord>();
  private watchVersion = 0n;
  /** Undo steps of the transaction in progress, newest last. */
  private undoLog: (() => void)[] | undefined;

  /**
   * Single-threaded JavaScript runs `fn` without interleaving; what a
   * transaction must add is atomicity, so every write inside one records how
   * to undo itself, and a throw undoes them all, newest first.
   */
  transaction<R>(fn: () => R): R {
    if (this.undoLog) return fn(); // nested: part of the outer transaction
    const log: (() => void)[] = (this.undoLog = []);
    try {
      return fn();
    } catch (err) {
      this.undoLog = undefined;
      for (let i = log.length - 1; i >= 0; i--) (log[i] as () => void)();
      throw err;
    } finally {
      this.undoLog = undefined;
    }
  }

  private remember(undo: () => void): void {
    this.undoLog?.push(undo);
  }

  private restoreIn<T extends { name: string }>(collection: Collection<T>, name: string, previous: T | undefined): void {
    this.remember(() => (previous ? collection.put(previous) : collection.delete(name)));
  }

  getProject(name: string) {
    return this.projects.get(name);
  }
  putProject(project: Project) {
    this.restoreProject(project.name);
    this.projects.set(project.name, project);
    this.projectList.upsert(project);
  }
  deleteProject(name: string) {
    this.restoreProject(name);
    this.projects.delete(name);
    this.projectList.remove(name);
  }
  listProjects() {
    return this.projectList.all;
  }
  private restoreProject(name: string) {
    const previous = this.projects.get(name);
    this.remember(() => {
      if (previous) {
        this.projects.set(name, previous);
        this.projectList.upsert(previous);
      } else {
        this.projects.delete(name);
        this.projectList.remove(name);
      }
    });
  }

  getVCluster(name: string) {
    return this.vclusters.get(name);
  }
  putVCluster(vcluster: VCluster) {
    this.restoreIn(this.vclusters, vcluster.name, this.vclusters.get(vcluster.name));
    this.vclusters.put(vcluster);
  }
  deleteVCluster(name: string) {
    this.restoreIn(this.vclusters, name, this.vclusters.get(name));
    this.vclusters.delete(name);
  }
  listVClusters(project: string) {
    return this.vclusters.list(project);
  }

  getSnapshot(name: string) {
    return this.snapshots.get(name);
  }
  putSnapshot(snapshot: Snapshot) {
    this.restoreIn(this.snapshots, snapshot.name, this.snapshots.get(snapshot.name));
    this.snapshots.put(snapshot);
  }
  deleteSnapshot(name: string) {
    this.restoreIn(this.snapshots, name, this.snapshots.get(name));
    this.snapshots.delete(name);
  }
  listSnapshots(project: string) {
    return this.snapshots.list(project);
  }
  listExpiringSnapshots() {
    return [...this.snapshots.values()].filter((s) => s.expireTime !== undefined);
  }

  getOperation(name: string) {
    return this.operations.get(name);
  }
  putOperation(op: StoredOperation) {
    const name = op.operation.name;
    const previous = this.operations.get(name);
    this.remember(() => (previous ? this.putOperation(previous) : this.dropOperation(name)));
    this.operations.set(name, op);
    const project = projectOf(name);
    let list = this.operationsByProject.get(project);
    if (!list) this.operationsByProject.set(project, (list = []));
    const at = this.operationIndex.get(name);
    if (at !== undefined) list[at] = op;
    else this.operationIndex.set(name, list.push(op) - 1);
  }
  /** Only to undo the insert of a new operation, which is the newest of its project. */
  private dropOperation(name: string) {
    this.operations.delete(name);
    const at = this.operationIndex.get(name);
    this.operationIndex.delete(name);
    const list = this.operationsByProject.get(projectOf(name));
    if (list && at !== undefined) {
      list.splice(at, 1);
      for (let i = at; i < list.length; i++) this.operationIndex.set((list[i] as StoredOperation).operation.name, i);
    }
  }
  listOperations(project: string) {
    return this.operationsByProject.get(project) ?? [];
  }
  listUnfinishedOperations() {
    return [...this.operations.values()].filter((o) => !o.operation.done);
  }

  getIdempotency(key: string) {
    return this.idempotency.get(key);
  }
  putIdempotency(record: IdempotencyRecord) {
    const previous = this.idempotency.get(record.key);
    this.remember(() => (previous ? this.idempotency.set(record.key, previous) : this.idempotency.delete(record.key)));
    this.idempotency.set(record.key, record);
  }
  purgeIdempotency(epochMs: number) {
    for (const [key, rec] of this.idempotency) if (rec.expireTime < epochMs) this.idempotency.delete(key);
  }

  getWatchVersion() {
    return this.watchVersion;
  }
  setWatchVersion(version: bigint) {
    // Versions only rise, even across a rolled-back transaction: never undone.
    this.watchVersion = version;
  }

  /** Not undoable: the mock's Reset calls it on its own. */
  clear() {
    this.projects.clear();
    this.projectList = new SortedList<Project>((p) => p.name);
    this.vclusters.clear();
    this.snapshots.clear();
    this.operations.clear();
    this.operationsByProject.clear();
    this.operationIndex.clear();
    this.idempotency.clear();
  }
}
