// Several requests of one kind can be on their way at once (a search typed again, a poll and a
// refresh after an action, a quote for inputs that changed). Answers do not have to come back in
// the order they were asked, and only the newest request still describes what is on screen: an
// older answer landing last would otherwise overwrite the newer one.

/** Is the request this came from still the newest of its kind? Ask after every await. */
export type IsLatest = () => boolean;

export interface Latest {
  /** Starts a request: from now on every earlier one is stale. */
  begin(): IsLatest;
  /** Makes every request already started stale (their answers no longer fit the screen). */
  dropAll(): void;
}

/** One per kind of request, kept at module level next to the action that sends it. */
export function latestWins(): Latest {
  let newest = 0;
  return {
    begin() {
      const mine = ++newest;
      return () => mine === newest;
    },
    dropAll() {
      newest++;
    },
  };
}
