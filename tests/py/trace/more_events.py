# settrace through code called from C (sorted's key, map), exec, decorators, comprehensions, deep recursion
import sys

ev = []
def tracer(frame, event, arg):
    if frame.f_code.co_filename not in (__file__, "<src>"):
        return None
    if event == "exception":
        arg = arg[0].__name__
    elif event not in ("return",):
        arg = None
    ev.append((event, frame.f_code.co_name, frame.f_lineno, repr(arg) if event == "return" else arg))
    return tracer

def run(fn):
    ev.clear()
    sys.settrace(tracer)
    try:
        fn()
    except Exception as e:
        print("raised", type(e).__name__)
    sys.settrace(None)
    print(fn.__name__, len(ev))
    for e in ev:
        print("  ", *e)

def keyed():
    return sorted([3, 1, 2], key=lambda v: -v)

def mapped():
    return list(map(lambda v: v + 1, [1, 2]))

def execd():
    ns = {}
    exec(compile("a = 1\nb = a + 1\n", "<src>", "exec"), ns)
    return ns["b"]

def deco(fn):
    def wrapper(*a):
        return fn(*a)
    return wrapper

@deco
def decorated(x):
    return x * 2

def use_deco():
    return decorated(2)

def comps():
    s = {x for x in range(2)}
    d = {x: x for x in range(2)}
    g = list(x for x in range(2))
    return s, d, g

def recurse(n):
    return recurse(n + 1)

def deep():
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(60)
    try:
        recurse(0)
    except RecursionError:
        return "recursion"
    finally:
        sys.setrecursionlimit(old)

def nested_try():
    try:
        try:
            raise KeyError("k")
        finally:
            x = 1
    except KeyError:
        x = 2
    return x

def with_exc():
    class CM:
        def __enter__(self):
            return 42
        def __exit__(self, t, v, tb):
            return True
    with CM():
        raise ValueError("in with")
    return "after"

for fn in (keyed, mapped, execd, use_deco, comps, nested_try, with_exc):
    run(fn)
ev.clear()
sys.settrace(tracer)
r = deep()
sys.settrace(None)
print(r, ev[:6], len([e for e in ev if e[0] == "call"]) > 10)
