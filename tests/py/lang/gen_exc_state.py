# generators: sys.exc_info() across yields and throw(), the context of an exception thrown through yield from, a generator lambda's return value, throw() arguments and a throw into a generator not started
import sys
f = lambda: (yield 1)
def g(): return (yield 1)
f2 = lambda: (yield from g())
for gen_fun in (f, g, f2):
    gen = gen_fun()
    print(next(gen))
    try: gen.send(2)
    except StopIteration as e: print("value", e.value)
def st():
    try:
        yield
    except Exception as exc:
        print(sys.exc_info()[0], exc.__context__)
        yield
        print(sys.exc_info()[0])
        yield
        raise
make = st(); next(make)
try:
    raise ValueError()
except Exception as exc:
    try: make.throw(exc)
    except Exception: pass
next(make)
try: next(make)
except ValueError: print("VE")
def f3():
    yield
def g3():
    try:
        raise KeyError('a')
    except Exception:
        yield from f3()
gen = g3(); gen.send(None)
try: gen.throw(ValueError)
except ValueError as e: print(repr(e.__context__))
def f1():
    while True:
        try:
            print((yield))
        except ValueError as v:
            print("caught ValueError (%s)" % (v))
g = f1(); next(g)
g.throw(ValueError, TypeError(1))
g.throw(ValueError, ValueError(1), None)
for args in ((ValueError(1), "foo"), (ValueError, "foo", 23), ("abc",), (0,), (list,)):
    try: g.throw(*args)
    except TypeError as e: print(e)
def f():
    try:
        yield
    except:
        raise
g = f()

try:
    1/0
except ZeroDivisionError as v:
    try:
        g.throw(v)
    except Exception as w:
        tb = w.__traceback__
while tb:
    print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
    tb = tb.tb_next
def f2():
    yield 1
g = f2()
try: g.throw(ValueError, 7)
except ValueError as e: print("VE", e)
print(next(g, "done"), g.gi_frame)
async def c(): pass
co = c()
try: co.throw(KeyError)
except KeyError: print("KE")
try: co.send(None)
except RuntimeError as e: print(e)
