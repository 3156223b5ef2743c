/** What the router needs of a view. Views are made once and kept, so their state survives navigation. */
export interface View {
  readonly el: HTMLElement;
  /** Called on every route to this view with its argument (the query string or the story id). */
  enter(arg: string): void;
  /** The page title for the current state. */
  title(): string;
  /** Where focus goes after navigating here (the view's heading). */
  heading(): HTMLElement;
}
