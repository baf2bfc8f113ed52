// Help texts. Kept beside each other so the README's usage section can be checked against them.

const EXIT_CODES = `Exit status:
  0  a link was found (resolve), or the command did what was asked
  1  nothing was found, the first target is dangerous, or an unsafe target was refused
  2  usage error, unreadable input or failed write (one line on stderr, then a hint)
  130  interrupted (Ctrl-C); a batch run can continue with --resume`;

/** What `sharekit` with no arguments prints on stderr (the full help is `sharekit --help`, on stdout). */
export const SHORT_USAGE = `Usage: sharekit <command> [options]   (commands: resolve, token, share, poster, links)
       sharekit resolve <text> | --file <path> | -
Full help: sharekit --help
`;

export const HELP = {
  main: `sharekit — share texts, tokens, app links and QR posters in, one safe link out

Usage:
  sharekit resolve <text>                what does this share text / link open?
  sharekit resolve -f <file> | -         … this image or text file, or stdin
  sharekit resolve --batch <file | dir> -o out.jsonl
  sharekit token encode <url>            a checksummed sharekit token for a link
  sharekit token decode <token>          the link a token names
  sharekit share <url> --title <text>    a share text to paste into chat apps
  sharekit poster <url> --title <text> --price <n> -o poster.png
  sharekit links <url>                   every app link for a target (scheme, intent, universal)
  sharekit make --batch catalog.csv -o out/   posters, share texts, tokens and links for a catalog
  sharekit worker --queue redis://host:6379   run batch rows from a queue (on any machine)

Options for every command:
  -h, --help         this help, or a command's: sharekit <command> --help
  --lang zh|en       language of labels (default: from LANG)
  -V, --version      print the version

${EXIT_CODES}
`,
  resolve: `sharekit resolve — find the link in anything pasted, a file, or stdin

Usage:
  sharekit resolve [options] [--] <text...>   resolve text (several words are joined with spaces)
  sharekit resolve [options] -f <file>       read a file: an image is decoded (QR code), any other
                                             file read as text
  sharekit resolve [options] -               read stdin (text, or image bytes)

Arguments are always text, never file names: a file is read only with -f/--file, stdin only for a
lone - (after --, "-" is text too). Everything after -- is text, even when it starts with -.
  sharekit resolve --batch <input> -o out.jsonl [--resume] [--workers N] [--queue redis://…]

Options:
  -f, --file <path>  read this file (- for stdin) instead of taking text from the arguments
  --json             print the resolution as JSON
  --link             print only the clickable link(s), one per line
  --fetch            follow short links over the network (off by default: offline)
  --max-hops <n>     with --fetch: most redirects to follow (default 5)
  --timeout <ms>     with --fetch: time limit per resolution (default 5000)
  --lang zh|en       language of labels (default: from LANG)
  -h, --help         this help

Batch:
  --batch <input>    a .txt file (one input per non-empty line), a .jsonl file (each line a JSON
                     string, or an object with "input" and an optional "id"), a directory (every
                     file in it, in name order, decoded as an image), or - (lines from stdin,
                     each answered as soon as it is resolved)
  -o, --output <f>   write one JSON line per input, in input order (default: stdout)
  --resume           continue an interrupted run: keep the lines already in the output, drop a
                     half-written last line, do the rest
  --force            overwrite an existing, non-empty output
  --workers <n>      image decoding threads (default: every core)
  --queue <url>      run the inputs on \`sharekit worker\` processes through a BullMQ queue in Redis
                     (redis://host:port); directory inputs must be at the same path for every worker
  --no-progress      no progress bar (it is only drawn when stderr is a terminal)

  Each output line: {"index","line"|"file","input","status","kind","link","identity","safety",
  "candidates","steps","reason"?,"id"?} with status ok | caution | danger | unknown | error
  (error lines carry {"error":{"code","message"}} instead).

Examples:
  sharekit resolve '【淘宝】https://m.tb.cn/h.5ZxYqPw ￥AbCd1234￥ 「夏季新款」'
  sharekit resolve --file poster.png --json
  sharekit resolve -- "$pasted"           # whatever $pasted holds, it is resolved as text
  pbpaste | sharekit resolve - --link
  sharekit resolve --batch shares.txt -o out.jsonl && sharekit resolve --batch shares.txt -o out.jsonl --resume

${EXIT_CODES}
`,
  token: `sharekit token — checksummed tokens that survive chat apps

Usage:
  sharekit token encode <url> [--form auto|compact|url] [--json]
  sharekit token decode <token> [--json]

encode prints the token; decode prints the link (a token with one mistyped character is corrected,
and says so on stderr).

Options:
  --form <f>      compact (platform + id, short) or url (any http(s) link); default auto
  --json          print JSON
  -h, --help      this help

${EXIT_CODES}
`,
  share: `sharekit share — compose a share text (link, token and title) for chat apps

Usage:
  sharekit share <url> --title <text> [--brand <name>] [--locale zh|en] [--template <t>] [--json]

Options:
  --title <text>       product or post title (required)
  --brand <name>       who the share is from (default: the platform's name)
  --locale zh|en       language of the hint line (default zh)
  --template <t>       modern, classic, token-only, or a custom template with {token}
                       and the slots {brand} {title} {url} {open} {close} {hint} (default modern)
  --json               print JSON ({ text, token, link })
  -h, --help           this help

${EXIT_CODES}
`,
  poster: `sharekit poster — render a product poster with a QR code that scans

Usage:
  sharekit poster <url> --title <text> --price <n> [--original-price <n>] [--brand <name>] -o poster.png

Options:
  --title <text>          product title (required)
  --price <n>             current price (required)
  --original-price <n>    struck-through original price
  --brand <name>          shop or brand in the header
  --size <s>              moments (750×1334, default), square (1080×1080) or print (1240×1748)
  --with-token            print a sharekit token under the QR code
  --font <file>           an extra TrueType/OpenType font for characters the bundled fonts lack
                          (repeatable; searched after the bundled fonts)
  -o, --output <file>     where to write the PNG (required; - writes to stdout when it is not a terminal)
  -h, --help              this help

${EXIT_CODES}
`,
  links: `sharekit links — every way to open a target in its app

Usage:
  sharekit links <url> [--os android|ios] [--wrap-in <app,app>] [--json]

Prints the web link, the app scheme, the Android intent:// URL, the iOS universal link and
"open inside app X" wrappers, as far as the app table knows them.

Options:
  --os android|ios     build the scheme for this OS
  --wrap-in <apps>     also build wrappers for these apps (comma-separated app ids)
  --json               print JSON
  -h, --help           this help

${EXIT_CODES}
`,
  make: `sharekit make — everything to share a whole catalog: posters, share texts, tokens, app links

Usage:
  sharekit make --batch catalog.csv|catalog.jsonl -o out/ [--resume] [--workers N] [--svg]
  sharekit make --batch catalog.csv -o /shared/out/ --queue redis://127.0.0.1:6379

The catalog has one product per row. CSV needs a header row; JSONL one object per line. Columns
(fields): url (required), title, price, original_price, brand, image (a local file path, relative
to the catalog), sizes (moments|square|print, several separated by |), template, locale (zh|en), id.
A row without a title gets no poster.

For each row: <name>-<size>.png (and .svg with --svg), where <name> is the row's id when it is a
safe file name, else row-<n>; and one line in out/manifest.jsonl, in catalog order:
  {"index","line","id"?,"input","status":"ok"|"caution","link","token","text","links","posters":
   [{"size","png","svg"?,"missingGlyphs"?}],"cautions"}
or {"index","line","input","status":"error","error":{"code","message","reasons"?}}: a bad row,
a dangerous target (code unsafe_target, with the safety judge's reasons) or a failed poster is an
error line, and the batch goes on.

Options:
  --batch <file>       the catalog (.csv or .jsonl)
  -o, --output <dir>   output directory (created; required)
  --resume             continue an interrupted run: rows already in the manifest are not made again
  --force              start over although the manifest exists
  --workers <n>        poster threads (default: every core)
  --svg                also write each poster as SVG
  --font <file>        an extra font for characters the bundled fonts lack (repeatable)
  --verify             decode every poster and fail its row unless the QR code reads back
  --queue <redis-url>  put the rows on a BullMQ queue in Redis for \`sharekit worker\` processes;
                       the output directory must be the same path for every worker (shared volume)
  --no-progress        no progress bar (it is only drawn when stderr is a terminal)
  -h, --help           this help

Examples:
  sharekit make --batch catalog.csv -o out/
  sharekit make --batch catalog.csv -o out/ --resume

${EXIT_CODES}
`,
  worker: `sharekit worker — run batch rows from a Redis queue, on this machine or any other

Usage:
  sharekit worker --queue redis://host:6379 [--concurrency N]

Takes rows that \`sharekit make --batch … --queue\` and \`sharekit resolve --batch … --queue\` put on
the queue, and runs them until stopped (Ctrl-C or SIGTERM finish the rows in hand first). A worker
killed mid-row loses nothing: the row runs again on another worker; its files are written whole
(temporary file, then rename), so running it twice leaves the same files. Poster files go to the
path the producer named: every worker must see that directory (shared volume or mounted bucket).

Options:
  --queue <redis-url>   the Redis server (required)
  --concurrency <n>     rows in hand at once (default: every core)
  -h, --help            this help

${EXIT_CODES}
`,
} as const;

export type HelpTopic = keyof typeof HELP;
