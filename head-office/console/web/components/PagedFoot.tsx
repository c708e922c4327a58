// The foot of a list read a page at a time (keyset cursors): how many rows are shown, and either
// the button asking for the next page or the words saying there is none.
export function PagedFoot(props: {
  /** "27 sales shown", in the page's words. */
  shown: string;
  hasMore: boolean;
  busy: boolean;
  onMore: () => void;
  moreLabel: string;
  endLabel: string;
  /** The list's name in test ids: `<testId>-count` and `<testId>-more`. */
  testId: string;
}) {
  return (
    <div className="table-foot">
      <span className="muted" data-testid={`${props.testId}-count`}>{props.shown}</span>
      {props.hasMore
        ? <button type="button" className="btn btn-small" disabled={props.busy} data-testid={`${props.testId}-more`} onClick={props.onMore}>{props.moreLabel}</button>
        : <span className="muted">{props.endLabel}</span>}
    </div>
  );
}
