def g():
    x = yield 1
    print("got", x)
    try:
        y = yield 2
        print("got2", y)
    except ValueError as e:
        print("caught", repr(e))
        yield "after-throw"
    finally:
        print("finally g")
    return "retval"
it = g()
print(next(it), it.send("hello"), it.throw(ValueError("boom")))
try: next(it)
except StopIteration as e: print("stop", e.value, e.args)
try: next(it)
except StopIteration as e: print("stop again", e.value)
it = g()
try: it.send(5)
except TypeError as e: print(e)
print(it.send(None))
it.close(); it.close()
print("closed")
try: next(it)
except StopIteration: print("closed->stop")

def closer():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
c = closer(); next(c); c.close()
def bad_closer():
    try: yield 1
    except GeneratorExit: yield 2
b = bad_closer(); next(b)
try: b.close()
except RuntimeError as e: print(e)
def ret_in_close():
    try: yield 1
    finally: return 5
r = ret_in_close(); next(r); print(r.close())

# throw into unstarted, with type, with traceback variants
def simple():
    yield 1
    yield 2
s = simple()
try: s.throw(KeyError, "k")
except KeyError as e: print("KeyError", e)
try: next(s)
except StopIteration: print("dead after throw")
s = simple(); next(s)
try: s.throw(TypeError("t"))
except TypeError as e: print("propagated", e)

# yield from with return value and delegation of send/throw
def inner():
    a = yield "i1"
    print("inner got", a)
    try:
        b = yield "i2"
    except KeyError:
        print("inner caught KeyError")
        b = "kk"
    return f"inner-ret-{b}"
def outer():
    r = yield from inner()
    print("outer got", r)
    r2 = yield from [10, 20]
    print("r2", r2)
    r3 = yield from range(2)
    return "outer-done"
o = outer()
print(next(o), o.send("A"), o.throw(KeyError), next(o), next(o), next(o))
try: next(o)
except StopIteration as e: print("outer stop", e.value)

# close propagates into subgenerator
def sub():
    try: yield 1
    finally: print("sub finally")
def deleg():
    try: yield from sub()
    finally: print("deleg finally")
d = deleg(); next(d); d.close()

# StopIteration inside generator -> RuntimeError
def leaky():
    yield 1
    raise StopIteration("oops")
try: list(leaky())
except RuntimeError as e: print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def leaky2():
    yield next(iter([]))
try: next(leaky2())
except RuntimeError as e: print(e)

# generator state and attributes
def st():
    yield 1
gen = st()
print(gen.__name__, gen.__qualname__, type(gen).__name__, iter(gen) is gen)
print(gen.gi_running, gen.gi_frame is not None)
list(gen)
print(gen.gi_frame)
# running generator re-entry
def reent():
    yield next(me)
me = reent()
try: next(me)
except ValueError as e: print(e)

# generator expressions
ge = (x * x for x in range(5) if x % 2 == 0)
print(next(ge), list(ge), list(ge))
print(sum(x for x in range(10)), max((len(w), w) for w in "a bb ccc".split()))
print(type(ge).__name__)
try: (x for x in 5)
except TypeError as e: print(e)
gg = (1 / x for x in [1, 0])
print(next(gg))
try: next(gg)
except ZeroDivisionError as e: print(e)
# first iterable evaluated eagerly
def src():
    print("src evaluated")
    return [1, 2]
ge2 = (x for x in src())
print("before iteration")
print(list(ge2))

# generators as coroutines-ish pipelines
def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        if v is None: break
        total += v; count += 1
        avg = total / count
    return avg
a = averager(); next(a)
print(a.send(10), a.send(20), a.send(30))
try: a.send(None)
except StopIteration as e: print("avg", e.value)

# infinite gen + islice-like
def nat():
    n = 0
    while True:
        yield n
        n += 1
out = []
for v in nat():
    if v > 5: break
    out.append(v)
print(out)
# yield in expressions
def yexpr():
    x = (yield) + (yield)
    yield x
ye = yexpr(); next(ye); ye.send(3); print(ye.send(4))
# return in generator with value inside try/finally
def gf():
    try:
        yield 1
        return "r"
    finally:
        print("gf finally")
print(list(gf()))
# generator throw with yield from on non-generator iterator
def yf_iter():
    yield from iter([1, 2, 3])
y = yf_iter(); next(y)
try: y.throw(IndexError("x"))
except IndexError as e: print("IndexError through", e)
# lambda generator
lg = (lambda: (yield 7))()
print(list(lg))
# send to just-started with yield from
def echo():
    while True:
        v = yield
        if v == "stop": return "stopped"
        print("echo", v)
def wrap():
    r = yield from echo()
    yield r
w = wrap(); next(w); w.send("a"); w.send("b"); print(w.send("stop"))
