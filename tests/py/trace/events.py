# sys.settrace: the event sequences CPython 3.11 reports (call, line, return, exception)
import sys

def show(arg):
    if isinstance(arg, tuple) and len(arg) == 3 and isinstance(arg[1], BaseException):
        return (arg[0].__name__, str(arg[1]))
    return arg

events = []
def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    events.append((event, frame.f_code.co_name, frame.f_lineno, show(arg)))
    return tracer

def run(fn, *a):
    events.clear()
    sys.settrace(tracer)
    try:
        fn(*a)
    except Exception as e:
        pass
    sys.settrace(None)
    print(fn.__name__)
    for e in events:
        print("  ", *e)

def plain(x):
    y = x + 1
    return y

def oneline(): return 1

def loop():
    t = 0
    for i in range(2):
        t += i
    return t

def wloop():
    i = 0
    while i < 2:
        i += 1
    return i

def wtrue():
    i = 0
    while True:
        i += 1
        if i > 1:
            break
    return i

def nested():
    def inner(a):
        return a * 2
    return inner(3) + inner(4)

def caught():
    try:
        1 / 0
    except ZeroDivisionError:
        x = 1
    return x

def uncaught():
    raise ValueError("boom")

def outer_uncaught():
    uncaught()

def gen0():
    yield 1
    yield 2

def gen():
    yield 1
    x = yield 2
    return 3

def usegen():
    for v in gen0():
        pass
    g = gen()
    next(g)
    next(g)
    try:
        g.send(5)
    except StopIteration:
        pass

def rec(n):
    if n == 0:
        return 0
    return rec(n - 1) + 1

class CM:
    def __enter__(self):
        return 42
    def __exit__(self, *a):
        return False

def withfin():
    with CM():
        a = 1
    try:
        b = 2
    finally:
        c = 3
    return a + b + c

def classbody():
    class K:
        a = 1
        def m(self):
            pass
    return K

def lambdas():
    f = lambda x: x + 1
    l = [i for i in range(2)]
    return f(1), l

def multiline():
    x = (1 +
         2)
    if x:
        pass
    else:
        pass
    return x

for fn in (plain, oneline, loop, wloop, wtrue, nested, caught, outer_uncaught, usegen, lambda: rec(2),
           withfin, classbody, lambdas, multiline):
    run(fn)
