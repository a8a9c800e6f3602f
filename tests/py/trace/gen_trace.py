# settrace over generators (send, throw, close, yield from) and coroutines
import sys

ev = []
def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__ or frame.f_code.co_name in ("<module>", "run"):
        return None
    if event == "exception":
        arg = arg[0].__name__
    if isinstance(arg, Countdown):
        arg = "<Countdown>"
    ev.append((event, frame.f_code.co_name, frame.f_lineno, arg if event != "line" else ""))
    return tracer

def run(fn):
    ev.clear()
    sys.settrace(tracer)
    try:
        fn()
    finally:
        sys.settrace(None)
    print(fn.__name__)
    for e in ev:
        print("  ", *e)

def sub():
    yield 1
    yield 2
    return "subresult"

def deleg():
    r = yield from sub()
    yield r

def use_deleg():
    return list(deleg())

def echo():
    try:
        while True:
            x = yield
            print("got", x)
    except GeneratorExit:
        print("closing")

def use_echo():
    g = echo()
    next(g)
    g.send(1)
    g.close()

def thrower():
    try:
        yield 1
    except ValueError:
        yield "recovered"

def use_thrower():
    g = thrower()
    next(g)
    g.throw(ValueError("x"))
    g.close()

async def co_inner():
    return 7

async def co_outer():
    v = await co_inner()
    return v + 1

def use_coro():
    c = co_outer()
    try:
        c.send(None)
    except StopIteration as e:
        print("result", e.value)

def use_genexp():
    return sum(x for x in range(2))

def use_for_return():
    for v in sub():
        pass

class Countdown:
    def __init__(self):
        self.n = 2
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n

def use_iterator_class():
    for v in Countdown():
        pass

for fn in (use_deleg, use_echo, use_thrower, use_coro, use_genexp, use_for_return, use_iterator_class):
    run(fn)
