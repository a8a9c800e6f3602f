# The default excepthook prints one caret for an IndentationError (and a
# TabError), whatever its end_offset; other SyntaxErrors get their range;
# no caret when the offset points left of the text (into the indentation)
import sys


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


def without_dirs(text):
    # traceback lines name this script by its absolute path: keep the base name
    lines = []
    for line in text.splitlines(True):
        if line.startswith('  File "/'):
            path = line.split('"')[1]
            line = line.replace(path, path.rsplit("/", 1)[-1])
        lines.append(line)
    return "".join(lines)


def show(exc):
    cap, old = Capture(), sys.stderr
    sys.stderr = cap
    try:
        sys.excepthook(type(exc), exc, None)
    finally:
        sys.stderr = old
    print(without_dirs("".join(cap.parts)), end="")


for src in ["if 1:\nabcd = 1\n", "def f():\nreturn_value = 2\n", "f() = 1\n", "  x = 1\n",
            "if 1:\n    x = 1\n  y = 2\n"]:
    try:
        compile(src, "<src>", "exec")
    except SyntaxError as e:
        if not isinstance(e, IndentationError):
            print(e.end_offset)
        show(e)
show(IndentationError("made up", ("f.py", 1, 2, "  abcdef\n", 1, 7)))
show(TabError("made up", ("f.py", 1, 3, "\tabcdef\n", 1, 6)))
show(SyntaxError("made up", ("f.py", 1, 2, "  abcdef\n", 1, 7)))
