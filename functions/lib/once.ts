/** A promise made on first use and kept; a failed one is made again on the next use. */
export const once = <T>(make: () => Promise<T>) => {
  let made: Promise<T> | undefined;
  return () => (made ??= make().catch((e: unknown) => { made = undefined; throw e; }));
};
