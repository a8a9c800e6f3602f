# sys.setprofile: call/return of Python frames, c_call/c_return/c_exception of builtins
import sys

log = []
def prof(frame, event, arg):
    name = getattr(arg, "__name__", None) if event.startswith("c_") else None
    log.append((event, frame.f_code.co_name, frame.f_lineno, name))

def helper(x):
    return len(x) + abs(-x[0])

def fails():
    try:
        int("nope")
    except ValueError:
        pass
    return [].append(1), max([1, 2], key=lambda v: -v)

def gen():
    yield 1
    yield 2

def main():
    helper([3])
    fails()
    list(gen())
    sorted([2, 1])
    "a,b".split(",")
    d = {}
    d.setdefault("k", 1)
    f = print
    f("printed", end="\n")
    args = (1, 2)
    divmod(*args)

sys.setprofile(prof)
main()
sys.setprofile(None)
for e in log:
    print(*e)
print(sys.getprofile())

# a profile function that raises is unset and its exception propagates
def bad(frame, event, arg):
    if event == "c_call":
        raise RuntimeError("from profiler")
def g():
    return len("abc")
sys.setprofile(bad)
try:
    g()
except RuntimeError as e:
    print("caught", e, sys.getprofile())
sys.setprofile(None)

# a profile function sees no events of its own calls
seen = []
def prof2(frame, event, arg):
    seen.append(event)
    len("x")
def h():
    pass
sys.setprofile(prof2)
h()
sys.setprofile(None)
print(seen)
