/**
 * Auto-assign's plans (CCO admin § 8.5), computed in memory from one read of the candidate cases and the team's
 * collectors, so 100,000 cases cost a few bulk writes rather than a query each. Pure functions: the service reads,
 * these decide, the service writes.
 */

export const AUTO_ASSIGN_STRATEGIES = ['balanced', 'performance', 'specialty'] as const;
export type AutoAssignStrategy = (typeof AUTO_ASSIGN_STRATEGIES)[number];

export interface PlanCollector {
  id: number;
  /** Cases the collector holds now. */
  current: number;
  /** Cases the collector may still take (max_case_count − current). */
  room: number;
  /** performance: last month's collected amount in cents. */
  collectedCents?: bigint;
  /** specialty: the collector's specialties. */
  specialties?: readonly string[];
}

export interface PlanCase {
  id: number;
  /** specialty: the case's loan product name. */
  productName?: string | null;
}

/** Case ids per collector id, and the cases no collector had room for. */
export interface AssignmentPlan {
  byCollector: Map<number, number[]>;
  failed: number[];
}

/** The queue auto-assign draws from (specialty matches its code or name). */
export interface PlanQueue {
  code: string;
  name: string;
}

export function planAssignment(
  strategy: AutoAssignStrategy,
  cases: readonly PlanCase[],
  collectors: readonly PlanCollector[],
  queue: PlanQueue,
): AssignmentPlan {
  switch (strategy) {
    case 'balanced':
      return planBalanced(cases, collectors);
    case 'performance':
      return planPerformance(cases, collectors);
    case 'specialty':
      return planSpecialty(cases, collectors, queue);
  }
}

/** A collector's load while a plan is made: what they hold plus what the plan gave them. */
interface Load {
  id: number;
  count: number;
  room: number;
}

const emptyPlan = (collectors: readonly PlanCollector[]): AssignmentPlan => ({
  byCollector: new Map(collectors.map((c) => [c.id, []])),
  failed: [],
});

/**
 * `balanced`: each case (in id order) goes to the collector with the fewest cases now, ties to the lower id, until
 * everyone is full; so the collectors' counts end at most 1 apart wherever their capacity allows.
 */
export function planBalanced(cases: readonly PlanCase[], collectors: readonly PlanCollector[]): AssignmentPlan {
  const plan = emptyPlan(collectors);
  const loads = new Map<number, Load>(collectors.map((c) => [c.id, { id: c.id, count: c.current, room: c.room }]));
  plan.failed = balanceInto(plan, cases, [...loads.values()]).map((c) => c.id);
  return plan;
}

/** Places `cases` over `loads` (shared, updated) least-loaded first; answers those that found no room. */
function balanceInto(plan: AssignmentPlan, cases: readonly PlanCase[], loads: readonly Load[]): PlanCase[] {
  const heap = new LoadHeap(loads.filter((l) => l.room > 0));
  const unplaced: PlanCase[] = [];
  for (const c of cases) {
    const least = heap.peek();
    if (!least) {
      unplaced.push(c);
      continue;
    }
    plan.byCollector.get(least.id)!.push(c.id);
    least.count++;
    least.room--;
    if (least.room > 0) heap.siftDownTop();
    else heap.pop();
  }
  return unplaced;
}

/**
 * `performance`: shares proportional to last month's collected amount, by largest remainder (ties to the lower
 * id), each capped by the collector's room (what a full collector cannot take is shared again among the others).
 * A collector who collected nothing weighs half the smallest amount any teammate collected, so a newcomer still
 * gets a small share; when nobody collected anything the shares are equal.
 */
export function planPerformance(cases: readonly PlanCase[], collectors: readonly PlanCollector[]): AssignmentPlan {
  const plan = emptyPlan(collectors);
  const weights = performanceWeights(collectors);
  const counts = cappedShares(cases.length, collectors, weights);
  let next = 0;
  for (const c of [...collectors].sort((a, b) => a.id - b.id)) {
    const n = counts.get(c.id) ?? 0;
    plan.byCollector.get(c.id)!.push(...cases.slice(next, next + n).map((x) => x.id));
    next += n;
  }
  plan.failed.push(...cases.slice(next).map((x) => x.id));
  return plan;
}

/** Doubled cents, so "half the smallest" stays an integer. */
function performanceWeights(collectors: readonly PlanCollector[]): Map<number, bigint> {
  const positive = collectors.map((c) => c.collectedCents ?? 0n).filter((w) => w > 0n);
  const floor = positive.length ? positive.reduce((a, b) => (b < a ? b : a)) : 1n;
  return new Map(collectors.map((c) => {
    const cents = c.collectedCents ?? 0n;
    return [c.id, cents > 0n ? cents * 2n : floor];
  }));
}

/** Largest-remainder shares of `total`, re-shared while someone's share exceeds their room. */
function cappedShares(total: number, collectors: readonly PlanCollector[], weights: Map<number, bigint>): Map<number, number> {
  const shares = new Map<number, number>();
  let open = collectors.filter((c) => c.room > 0);
  let left = total;
  while (left > 0 && open.length > 0) {
    const round = largestRemainder(left, open.map((c) => ({ id: c.id, weight: weights.get(c.id)! })));
    const over = open.filter((c) => round.get(c.id)! > c.room);
    if (over.length === 0) {
      for (const [id, n] of round) shares.set(id, n);
      return shares;
    }
    for (const c of over) {
      shares.set(c.id, c.room);
      left -= c.room;
    }
    open = open.filter((c) => !over.includes(c));
  }
  return shares;
}

/** Hamilton's method in exact integers: floors of total·w/W, the rest one each by largest remainder. */
export function largestRemainder(total: number, parts: ReadonlyArray<{ id: number; weight: bigint }>): Map<number, number> {
  const sum = parts.reduce((s, p) => s + p.weight, 0n);
  const n = BigInt(total);
  const rows = parts.map((p) => ({ id: p.id, floor: (n * p.weight) / sum, rest: (n * p.weight) % sum }));
  let left = n - rows.reduce((s, r) => s + r.floor, 0n);
  const byRest = [...rows].sort((a, b) => (a.rest === b.rest ? a.id - b.id : a.rest > b.rest ? -1 : 1));
  for (const r of byRest) {
    if (left === 0n) break;
    r.floor++;
    left--;
  }
  return new Map(rows.map((r) => [r.id, Number(r.floor)]));
}

const norm = (text: string) => text.trim().toLowerCase();

/**
 * `specialty`: a collector whose specialties name the queue (its code or name) matches every case of it; otherwise
 * a collector matches the cases whose loan product name is one of their specialties (case-insensitive). Matched
 * cases go to their matching collectors, balanced; the rest, and matched cases whose matching collectors are all
 * full, are balanced over everyone.
 */
export function planSpecialty(cases: readonly PlanCase[], collectors: readonly PlanCollector[], queue: PlanQueue): AssignmentPlan {
  const plan = emptyPlan(collectors);
  const loads = new Map<number, Load>(collectors.map((c) => [c.id, { id: c.id, count: c.current, room: c.room }]));
  const queueKeys = new Set([norm(queue.code), norm(queue.name)]);
  const specialties = collectors.map((c) => ({ id: c.id, keys: new Set((c.specialties ?? []).map(norm)) }));
  const queueExperts = specialties.filter((s) => [...s.keys].some((k) => queueKeys.has(k))).map((s) => s.id);

  const byProduct = new Map<string, PlanCase[]>();
  for (const c of cases) {
    const key = c.productName ? norm(c.productName) : '';
    const group = byProduct.get(key) ?? [];
    group.push(c);
    byProduct.set(key, group);
  }
  let rest: PlanCase[] = [];
  for (const [product, group] of byProduct) {
    const experts = new Set(queueExperts);
    if (product) for (const s of specialties) if (s.keys.has(product)) experts.add(s.id);
    if (experts.size === 0) {
      rest = rest.concat(group);
      continue;
    }
    rest = rest.concat(balanceInto(plan, group, [...experts].map((id) => loads.get(id)!)));
  }
  plan.failed = balanceInto(plan, rest.sort((a, b) => a.id - b.id), [...loads.values()]).map((c) => c.id);
  return plan;
}

/** A binary min-heap of loads by (count, id): the next case's collector is always on top. */
class LoadHeap {
  private readonly items: Load[];

  constructor(loads: readonly Load[]) {
    this.items = [...loads];
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  peek(): Load | undefined {
    return this.items[0];
  }

  pop(): void {
    const last = this.items.pop()!;
    if (this.items.length > 0) {
      this.items[0] = last;
      this.siftDown(0);
    }
  }

  /** The top's count grew: move it down to its place. */
  siftDownTop(): void {
    this.siftDown(0);
  }

  private less(a: Load, b: Load): boolean {
    return a.count < b.count || (a.count === b.count && a.id < b.id);
  }

  private siftDown(start: number): void {
    const items = this.items;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && this.less(items[left], items[smallest])) smallest = left;
      if (right < items.length && this.less(items[right], items[smallest])) smallest = right;
      if (smallest === i) return;
      [items[i], items[smallest]] = [items[smallest], items[i]];
      i = smallest;
    }
  }
}
