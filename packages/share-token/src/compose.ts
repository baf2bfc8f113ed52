export function displayWidth(s: string): number { return s.length; }
export interface ComposeShareTextOptions {}
export function composeShareText(_o: ComposeShareTextOptions): string { return ''; }
