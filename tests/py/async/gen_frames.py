# gi_frame, cr_frame: frame objects for a suspended generator or coroutine.
import types
@types.coroutine
def s():
    yield 1
async def f(a):
    x = 2
    await s()
    return a
def g():
    yield 1
    yield 2
c = f(5)
fr = c.cr_frame
print(type(fr).__name__, fr.f_code is f.__code__, fr.f_lineno, fr.f_back)
c.send(None)
print(c.cr_frame.f_lineno, c.cr_frame.f_code.co_name, c.cr_frame.f_globals is globals())
it = g(); next(it)
print(it.gi_frame.f_lineno); next(it); print(it.gi_frame.f_lineno)
c.close(); print(c.cr_frame)
