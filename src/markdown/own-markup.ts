// Our remark plugins build some elements as MDX JSX (tables, so MDX keeps their structure); the allowlist
// must tell those from JSX an author wrote. An author cannot set `data` on a node from MDX source, and
// the flag survives mdast-to-hast's copy of pass-through nodes, so it marks what nianbao itself made.
export const OWN_MARKUP = 'nianbaoOwnMarkup';

export function isOwnMarkup(node: { data?: unknown }): boolean {
  return (node.data as Record<string, unknown> | undefined)?.[OWN_MARKUP] === true;
}
