/** A frame of a tab, as the browser identified the sender of a message. */
export interface Frame {
  tabId: number;
  frameId: number;
  url: string;
}
