# yaml2flat.awk: flattens the small YAML subset of cloud-init seeds into "path=value" lines, e.g.
#   users.1.ssh_authorized_keys.0=ssh-ed25519 AAAA… lab
#   ethernets.nic1.match.macaddress=52:54:00:12:34:56
# Handles block maps and sequences (indented or not), "- key: value" items, plain scalars folded
# over several lines (the `yaml` npm library folds at 80 columns), '…'/"…" quoting (also folded),
# inline [a, b] lists and {k: v} maps, comments and `|`/`>` block scalars (lines joined by "\n").
# An empty inline list prints "path=". Written for busybox awk (no gawk extensions).

function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
function indent_of(s) { match(s, /^ */); return RLENGTH }

# Index of the quote closing the quoted string at the start of s; 0 if it is not closed.
function qend(s,   q, i, c) {
  q = substr(s, 1, 1)
  for (i = 2; i <= length(s); i++) {
    c = substr(s, i, 1)
    if (q == "\"" && c == "\\") { i++; continue }
    if (c == q) {
      if (q == "'" && substr(s, i + 1, 1) == "'") { i++; continue }
      return i
    }
  }
  return 0
}

function unquote(s,   q, out, i, c) {
  q = substr(s, 1, 1)
  if (q == "'") { s = substr(s, 2, length(s) - 2); gsub(/''/, "'", s); return s }
  if (q != "\"") return s
  s = substr(s, 2, length(s) - 2)
  out = ""
  for (i = 1; i <= length(s); i++) {
    c = substr(s, i, 1)
    if (c == "\\") {
      i++
      c = substr(s, i, 1)
      if (c == "n") c = "\\n"
      else if (c == "t") c = "\t"
    }
    out = out c
  }
  return out
}

# One scalar as written: quotes removed, or a plain value without its trailing comment.
function scalar(v,   e) {
  v = trim(v)
  if (v ~ /^["']/) {
    e = qend(v)
    return e ? unquote(substr(v, 1, e)) : v
  }
  sub(/[ \t]+#.*$/, "", v)
  if (v == "~" || v == "null") return ""
  return v
}

# "key: value" or "key:" → sets KEY and VAL, returns 1. Keys may be quoted.
function splitkey(s,   e, i) {
  if (s ~ /^["']/) {
    e = qend(s)
    if (!e || substr(s, e + 1, 1) != ":") return 0
    if (e + 1 < length(s) && substr(s, e + 2, 1) != " ") return 0
    KEY = unquote(substr(s, 1, e))
    VAL = substr(s, e + 2)
    return 1
  }
  if (s ~ /^(#|- |-$)/) return 0
  i = index(s, ": ")
  if (i == 0) {
    if (s !~ /:$/) return 0
    i = length(s)
  }
  KEY = trim(substr(s, 1, i - 1))
  VAL = substr(s, i + 1)
  return 1
}

# Splits the inside of an inline [..] or {..} at top-level commas into items[1..n]; returns n.
function flow_items(s, items,   n, i, c, depth, cur, e) {
  s = trim(substr(s, 2, length(s) - 2))
  n = 0; depth = 0; cur = ""
  for (i = 1; i <= length(s); i++) {
    c = substr(s, i, 1)
    if ((c == "\"" || c == "'") && trim(cur) == "") {
      e = qend(substr(s, i))
      if (e) { cur = cur substr(s, i, e); i += e - 1; continue }
    }
    if (c == "[" || c == "{") depth++
    if (c == "]" || c == "}") depth--
    if (c == "," && depth == 0) { items[++n] = trim(cur); cur = ""; continue }
    cur = cur c
  }
  if (trim(cur) != "") items[++n] = trim(cur)
  return n
}

# The value printed last is held back so that folded continuation lines can still extend it.
function flush() {
  if (HELD != "") print HELD "=" HELDV
  HELD = ""
}
function emit(path, v, ind) { flush(); HELD = path; HELDV = v; HELDIND = ind }

function join(parent, k) { return parent == "" ? k : parent "." k }

# The value after "key:" or "- " (non-empty) of the node at path; ind: indent of its line.
function value(path, v, ind,   n, i, items) {
  v = trim(v)
  if (v ~ /^\[/ && v ~ /\]$/) {
    n = flow_items(v, items)
    if (n == 0) { emit(path, "", ind); flush() }
    for (i = 1; i <= n; i++) { value(join(path, i - 1), items[i], ind); flush() }
    return
  }
  if (v ~ /^\{/ && v ~ /\}$/) {
    n = flow_items(v, items)
    for (i = 1; i <= n; i++)
      if (splitkey(items[i])) { value(join(path, KEY), VAL, ind); flush() }
    return
  }
  if (v ~ /^[|>][-+0-9]*$/) { BLOCK = path; BLOCKIND = ind; BLOCKV = ""; BLOCKN = 0; return }
  if (v ~ /^["']/ && !qend(v)) { PENDQ = v; PENDPATH = path; PENDIND = ind; return }
  emit(path, scalar(v), ind)
}

# A "key: value" line (KEY/VAL already split) at indent ind under parent.
function dokey(parent, ind,   path, v) {
  path = join(parent, KEY)
  v = VAL
  sub(/^[ \t]+#.*$/, "", v)
  if (trim(v) == "") { flush(); push("key", ind, path); COUNT[path] = 0; return }
  value(path, VAL, ind)
}

function push(type, ind, path) { SP++; TYPE[SP] = type; IND[SP] = ind; PATH[SP] = path }

{
  sub(/\r$/, "")
  line = $0
  if (PENDQ != "") { # a quoted scalar folded over lines: join them with a space
    if (PENDQ ~ /\\$/) PENDQ = substr(PENDQ, 1, length(PENDQ) - 1) trim(line)
    else PENDQ = PENDQ " " trim(line)
    if (qend(PENDQ)) { emit(PENDPATH, unquote(substr(PENDQ, 1, qend(PENDQ))), PENDIND); PENDQ = "" }
    next
  }
  if (BLOCK != "") { # a | or > block scalar: lines indented deeper than its key
    if (trim(line) == "" || indent_of(line) > BLOCKIND) {
      if (BLOCKN == 0 && trim(line) != "") BLOCKCUT = indent_of(line)
      if (BLOCKN++ > 0) BLOCKV = BLOCKV "\\n"
      BLOCKV = BLOCKV substr(line, BLOCKCUT + 1)
      next
    }
    sub(/(\\n)+$/, "", BLOCKV)
    emit(BLOCK, BLOCKV, BLOCKIND)
    BLOCK = ""
  }
  if (line ~ /^[ \t]*(#|$)/ || line ~ /^(---|\.\.\.)([ \t]|$)/) next
  ind = indent_of(line)
  c = trim(substr(line, ind + 1))
  isseq = (c ~ /^-( |$)/)
  # A deeper line that is neither a key nor an item continues the plain scalar held back.
  if (HELD != "" && ind > HELDIND && !isseq && !splitkey(c)) {
    HELDV = HELDV " " scalar(c)
    next
  }
  flush()
  # Leave the maps and items this line is not part of. A sequence may sit at its key's indent.
  while (SP > 0) {
    if (TYPE[SP] == "key" && (ind > IND[SP] || (ind == IND[SP] && isseq))) break
    if (TYPE[SP] == "item" && ind >= IND[SP]) break
    SP--
  }
  parent = SP ? PATH[SP] : ""
  if (isseq) {
    path = join(parent, COUNT[parent]++)
    rest = substr(c, 2)
    ci = ind + 1 + indent_of(rest)
    rest = trim(rest)
    push("item", rest == "" ? ind + 1 : ci, path)
    if (rest == "") next
    if (splitkey(rest)) dokey(path, ci)
    else value(path, rest, ind)
    next
  }
  if (splitkey(c)) dokey(parent, ind)
}

END {
  if (PENDQ != "") emit(PENDPATH, PENDQ, 0)
  if (BLOCK != "") { sub(/(\\n)+$/, "", BLOCKV); emit(BLOCK, BLOCKV, 0) }
  flush()
}
