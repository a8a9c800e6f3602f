import os

class Timer:
    def __init__(self, name):
        self.name = name
        self.events = []
    def __enter__(self):
        print(f"enter {self.name}")
        return self
    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.name}: {exc_type.__name__ if exc_type else None} {exc!r}")
        return False

class Suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = None
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            self.caught = ev
            return True
        return False

with Timer("a") as t:
    print("inside", t.name)
try:
    with Timer("b"):
        raise KeyError("boom")
except KeyError as e:
    print("propagated", e)
with Suppress(ZeroDivisionError, ValueError) as s:
    print("dividing")
    1 / 0
    print("not printed")
print("suppressed:", repr(s.caught))
try:
    with Suppress(ValueError):
        [][0]
except IndexError as e:
    print("not suppressed:", e)
with Timer("outer") as a, Timer("inner") as b:
    print("both", a.name, b.name)

class Transaction:
    def __init__(self, store):
        self.store = store
    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store
    def __exit__(self, et, ev, tb):
        if et:
            self.store.clear()
            self.store.update(self.snapshot)
            print("rolled back because", ev)
            return True
        print("committed")

db = {"x": 1}
with Transaction(db) as d:
    d["y"] = 2
print(db)
with Transaction(db) as d:
    d["z"] = 3
    d["x"] = int("oops")
print(db)

from contextlib import contextmanager

@contextmanager
def tag(name):
    print(f"<{name}>", end="")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

with tag("b") as up:
    print(up, end="")
try:
    with tag("i"):
        raise RuntimeError("inside tag")
except RuntimeError as e:
    print("caught", e)

path = "_ctx_test_file.txt"
with open(path, "w") as f:
    f.write("line one\n")
    f.write("line two\nline three\n")
    print(f.closed)
print(f.closed)
with open(path) as f:
    print(f.readline().rstrip(), "|", f.read().splitlines())
with open(path, "a") as f:
    print("appended", file=f)
with open(path) as f:
    for i, line in enumerate(f, 1):
        print(i, repr(line))
with open(path, "rb") as f:
    data = f.read()
print(type(data).__name__, len(data), data[:8])
os.remove(path)
print(os.path.exists(path))
try:
    open(path)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
