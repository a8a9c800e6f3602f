# types.coroutine on generator functions, native coroutines and other callables.
import types
def gen(): yield 'g'; return 'gret'
def returns_gen(): return gen()
w = types.coroutine(returns_gen)
print(w.__name__, w.__wrapped__ is returns_gen)
obj = w()
print(type(obj).__name__, obj.__name__)
async def use(): return await w()
c = use(); print(c.send(None))
try: c.send(None)
except StopIteration as e: print(e.value)
async def native(): return 'n'
print(types.coroutine(native) is native)
try: types.coroutine(1)
except TypeError as e: print(e)
@types.coroutine
def g2(): 
    x = yield 1
    return x
print(hex(g2.__code__.co_flags))
c = g2(); print(type(c).__name__, c.send(None))
def returns_other(): return 42
print(types.coroutine(returns_other)())
