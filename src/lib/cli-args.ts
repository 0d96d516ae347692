// node:util parseArgs errors, in the words of the person who typed the command.
export function argsError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(err.message ?? '')?.[1];
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `不认识的选项 ${quoted ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项 ${quoted?.split(' ')[0] ?? ''} 后面要写一个值`.replace(/\s+/g, ' ');
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多了参数 ${quoted ?? ''}`.trim();
    default:
      return `参数有误：${err.message ?? String(e)}`;
  }
}
