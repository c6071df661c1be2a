/**
 * Runs one operation per item, a few at a time, reporting progress as it goes and collecting
 * failures instead of stopping at the first: bulk actions on hundreds of users finish what they
 * can and say which ones failed.
 */
export interface BulkResult<T> {
  done: T[];
  failed: { item: T; error: unknown }[];
}

export async function runBulk<T>(
  items: readonly T[],
  operation: (item: T) => Promise<unknown>,
  onProgress: (finished: number, total: number) => void,
  concurrency = 4,
): Promise<BulkResult<T>> {
  const result: BulkResult<T> = { done: [], failed: [] };
  let next = 0;
  let finished = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      try {
        await operation(item);
        result.done.push(item);
      } catch (error) {
        result.failed.push({ item, error });
      }
      onProgress(++finished, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return result;
}
