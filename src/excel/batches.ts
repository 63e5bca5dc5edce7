/**
 * Many small commands (one per cell) in as few syncs as Excel's 5 MB request limit allows: `perSync` of them a
 * sync, never a sync inside a loop of cells. A ward's forms fit one sync; the bench's 10,000 items take a few.
 */
export async function queueInSyncs<T, R>(context: Excel.RequestContext, items: readonly T[], perSync: number, queue: (item: T) => R): Promise<R[]> {
  const done: R[] = [];
  const next = async (from: number): Promise<R[]> => {
    if (from >= items.length) return done;
    done.push(...items.slice(from, from + perSync).map(queue));
    await context.sync();
    return next(from + perSync);
  };
  return next(0);
}
