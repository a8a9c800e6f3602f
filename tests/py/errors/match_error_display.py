# match: how SyntaxErrors and run-time errors of patterns are displayed
# (IndentationError with one caret, carets under the failing pattern)
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


def show(src):
    try:
        compile(src, "<src>", "exec")
    except SyntaxError as e:
        cap, old = Capture(), sys.stderr
        sys.stderr = cap
        try:
            sys.excepthook(type(e), e, None)
        finally:
            sys.stderr = old
        print(without_dirs("".join(cap.parts)), end="")


show("if 1:\nabcd = 1\n")
show("match 1:\ncase 1:\n    pass\n")
show("match 1:\n    case 1:\n    abcd\n")
show("match x:\n    case [a, *a]: pass\n")
show("match x:\n    case C(x=1, y=2, x=3): pass\n")


# run-time errors: the traceback points at the pattern
class D:
    __match_args__ = ["a"]


class K:
    L = [1]


def f(x):
    match x:
        case [1, 2] | {"k": 1}:
            pass
        case [1, {K.L: 2}]:
            pass
        case {"k": D(1)}:
            pass


for subject in [[1, {"a": 1}], {"k": D()}]:
    try:
        f(subject)
    except TypeError as e:
        cap, old = Capture(), sys.stderr
        sys.stderr = cap
        try:
            sys.excepthook(type(e), e, e.__traceback__)
        finally:
            sys.stderr = old
        print(without_dirs("".join(cap.parts)), end="")
