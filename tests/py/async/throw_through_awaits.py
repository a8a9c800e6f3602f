# throw() into a coroutine suspended two awaits deep reaches the innermost
# generator-based coroutine, whose frames see the outer ones as callers; close()
# goes the same way.
import types, traceback, sys

async def a():
    return await b()
async def b():
    return await c()
@types.coroutine
def c():
    try:
        yield len(traceback.extract_stack())
    except ZeroDivisionError:
        yield len(traceback.extract_stack())
    except GeneratorExit:
        print('c closed')
        raise

coro = a()
s = coro.send(None)
t = coro.throw(ZeroDivisionError)
print(s == t)
coro.close()
print('closed')

@types.coroutine
def d():
    try:
        yield 'first'
    except KeyError as e:
        return 'handled ' + repr(e)
async def e():
    r = await d()
    return 'e got ' + r
async def f():
    return await e()
x = f()
print(x.send(None))
try:
    x.throw(KeyError('k'))
except StopIteration as st:
    print('StopIteration', st.value)

@types.coroutine
def names():
    try:
        yield [fr.name for fr in traceback.extract_stack()][-3:]
    except ValueError:
        yield [fr.name for fr in traceback.extract_stack()][-3:]
async def outer():
    return await inner()
async def inner():
    return await names()
o = outer()
print(o.send(None))
print(o.throw(ValueError))
o.close()

def g1():
    yield from g2()
def g2():
    try:
        yield 1
    except IndexError:
        yield sys._getframe(1).f_code.co_name
x = g1(); next(x); print(x.throw(IndexError))
try:
    x.throw(RuntimeError('out'))
except RuntimeError as e:
    print('RuntimeError', e)
