# a generator thrown into through yield from is its subgenerator's f_back meanwhile, and executing
import sys
def names(fr):
    out = []
    while fr is not None and fr.f_code.co_name != '<module>':
        out.append(fr.f_code.co_name); fr = fr.f_back
    return out
def f():
    print(names(sys._getframe()))
    yield 1
    print(names(sys._getframe()))
def g():
    yield from f()
gen = g()
print(next(gen))
try: gen.throw(RuntimeError)
except RuntimeError as e:
    tb = e.__traceback__
    while tb: print(tb.tb_frame.f_code.co_name); tb = tb.tb_next
gen = g(); next(gen)
try: gen.send(None)
except StopIteration: print("stop")
def f2():
    try:
        yield 1
    except RuntimeError:
        print(names(sys._getframe()))
        try: next(gen2)
        except ValueError as e: print(e)
        yield 2
def g2(): yield from f2()
gen2 = g2(); next(gen2)
print(gen2.throw(RuntimeError))
