// The main thread's time by function (a V8 CPU profile) or by trace event, printed for the bench's
// profiling tools (cold-profile.ts, snapshot-profile.ts).
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}
export interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

export function report(profile: Profile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (node: Node) => {
    const file = node.callFrame.url.split('/').pop() ?? '';
    return `${node.callFrame.functionName || '(anon)'} ${file}:${node.callFrame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    all += dt;
    let node = byId.get(profile.samples[i]!)!;
    self.set(name(node), (self.get(name(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (;;) {
      const key = name(node);
      if (!seen.has(key)) {
        seen.add(key);
        total.set(key, (total.get(key) ?? 0) + dt);
      }
      const up = parent.get(node.id);
      if (up === undefined) break;
      node = byId.get(up)!;
    }
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${key}`)
      .join('\n');
  console.log(`profiled ${all.toFixed(0)} ms\n-- self --\n${top(self, 45)}\n-- inclusive --\n${top(total, 70)}`);
}

/** Each thread's busy time by event name (self time: minus the events nested in it). */
export function traceReport(events: TraceEvent[]): void {
  const threadName = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}.${e.tid}`, e.args?.name ?? '');
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}.${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key)!.push(e);
  }
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<string, number>();
    const stack: { e: TraceEvent; child: number }[] = [];
    let top = 0;
    const pop = () => {
      const done = stack.pop()!;
      self.set(done.e.name, (self.get(done.e.name) ?? 0) + (done.e.dur! - done.child) / 1000);
    };
    for (const e of list) {
      while (stack.length > 0 && stack.at(-1)!.e.ts + stack.at(-1)!.e.dur! <= e.ts) pop();
      if (stack.length > 0) stack.at(-1)!.child += e.dur!;
      else top += e.dur! / 1000;
      stack.push({ e, child: 0 });
    }
    while (stack.length > 0) pop();
    if (top < 200) continue;
    const lines = [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([name, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${name}`);
    console.log(`-- thread ${threadName.get(key) ?? key}: busy ${top.toFixed(0)} ms --\n${lines.join('\n')}`);
  }
}
