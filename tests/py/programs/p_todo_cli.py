# A tiny command interpreter reading commands from stdin.
import sys

todos = []
done = set()

def cmd_add(args):
    text = " ".join(args)
    if not text:
        raise ValueError("nothing to add")
    todos.append(text)
    return f"added #{len(todos)}: {text}"

def cmd_done(args):
    n = int(args[0])
    if not 1 <= n <= len(todos):
        raise IndexError(f"no todo #{n}")
    done.add(n)
    return f"completed #{n}"

def cmd_list(args):
    if not todos:
        return "(empty)"
    return "\n".join(f"{'[x]' if i in done else '[ ]'} {i:>2}. {t}" for i, t in enumerate(todos, 1))

def cmd_stats(args):
    pct = len(done) / len(todos) if todos else 0
    return f"{len(done)}/{len(todos)} done ({pct:.0%})"

COMMANDS = {"add": cmd_add, "done": cmd_done, "list": cmd_list, "stats": cmd_stats}

lineno = 0
while True:
    try:
        line = input()
    except EOFError:
        print("bye")
        break
    lineno += 1
    parts = line.split()
    if not parts or parts[0].startswith("#"):
        continue
    name, *args = parts
    fn = COMMANDS.get(name.lower())
    if fn is None:
        print(f"line {lineno}: unknown command {name!r}", file=sys.stderr)
        print(f"? {name}")
        continue
    try:
        print(fn(args))
    except (ValueError, IndexError) as e:
        print(f"error: {type(e).__name__}: {e}")
print(sys.stdin.read() == "")
