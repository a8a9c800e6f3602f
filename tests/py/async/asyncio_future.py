# asyncio.Future as _asyncio implements it: states, results, exceptions,
# cancellation messages, callbacks and their contexts, the await iterator,
# reprs, subclassing, weak references and the lost-exception log.
import asyncio
import contextvars
import gc
import weakref


def show(f, *args, **kwargs):
    try:
        print("  ->", repr(f(*args, **kwargs)))
    except BaseException as e:
        print("  !!", type(e).__name__, e)


loop = asyncio.new_event_loop()
F = asyncio.Future
print(F.__module__, F.__name__, asyncio.futures._CFuture is F)

f = F(loop=loop)
print(repr(f), f.done(), f.cancelled(), f._state, f._asyncio_future_blocking)
show(f.result)
show(f.exception)
f.set_result([1, 2])
print(repr(f), f._state, f.result(), f.exception(), f._result)
show(f.set_result, 3)
show(f.set_exception, ValueError())
print("cancel done future:", f.cancel())

f = F(loop=loop)
show(f.set_exception, StopIteration)
show(f.set_exception, 42)
f.set_exception(KeyError)
print(repr(f), type(f.exception()).__name__)
show(f.result)

f = F(loop=loop)
print("cancel:", f.cancel("stop it"), f.cancelled(), f.done(), f._cancel_message)
show(f.result)
show(f.exception)
print(repr(f))
e = f._make_cancelled_error()
print(type(e).__name__, e.args)

# callbacks run through the loop, in order, each in its own context
var = contextvars.ContextVar("var", default="unset")
order = []
f = F(loop=loop)
f.add_done_callback(lambda fut: order.append(("first", fut.result(), var.get())))
var.set("second-ctx")
f.add_done_callback(lambda fut: order.append(("second", fut.result(), var.get())))
ctx = contextvars.Context()
ctx.run(var.set, "explicit")
f.add_done_callback(lambda fut: order.append(("third", var.get())), context=ctx)
def unwanted(fut):
    order.append("unwanted")
f.add_done_callback(unwanted)
f.add_done_callback(unwanted)
print("callbacks:", len(f._callbacks), "removed:", f.remove_done_callback(unwanted))
print(repr(f)[:25])
f.set_result("r")
print("before the loop runs:", order)
loop.run_until_complete(asyncio.sleep(0))
print("after:", order)
f.add_done_callback(lambda fut: order.append("late"))
loop.run_until_complete(asyncio.sleep(0))
print(order[-1], f._callbacks)

# the await protocol by hand
f = F(loop=loop)
it = f.__await__()
print(type(it).__name__, iter(it) is it)
print("first next yields the future:", next(it) is f, f._asyncio_future_blocking)
show(next, it)
f._asyncio_future_blocking = False
f.set_result(7)
try:
    next(it)
except StopIteration as e:
    print("StopIteration value", e.value)
show(next, it)
f = F(loop=loop)
it = iter(f)
show(it.throw, ValueError, "boom")
show(it.throw, ValueError("x"), "y")
show(it.throw, 1)
f.cancel()
show(lambda: next(iter(f)))

def legacy():
    r = yield from f2
    return r * 2
f2 = F(loop=loop)
g = legacy()
print("yield from yields the future:", g.send(None) is f2)
f2.set_result(21)
try:
    g.send(None)
except StopIteration as e:
    print("legacy result", e.value)

# uninitialized futures raise instead of crashing
u = F.__new__(F)
show(u.result)
show(u.get_loop)
show(u.cancel)
print(u.done(), u.cancelled(), u._loop)

# attributes
f = F(loop=loop)
show(setattr, f, "_log_traceback", True)
show(delattr, f, "_asyncio_future_blocking")
show(setattr, f, "_state", "FINISHED")
show(F, 1)
print(f.get_loop() is loop, f._loop is loop, f._source_traceback)
print(F[int])

# subclasses, attributes and weak references
class MyFuture(F):
    def add_done_callback(self, fn, *, context=None):
        print("  MyFuture.add_done_callback")
        return super().add_done_callback(fn, context=context)
m = MyFuture(loop=loop)
m.extra = "dict works"
print(repr(m), m.extra, isinstance(m, F), asyncio.isfuture(m))
r = weakref.ref(m)
print(r() is m)
async def wait_it():
    loop.call_soon(m.set_result, "sub")
    return await m
print(loop.run_until_complete(wait_it()))

# a lost exception goes to the loop's handler when the future dies
def handler(lp, context):
    print("handler:", context["message"], repr(context["exception"]), type(context["future"]).__name__)
loop.set_exception_handler(handler)
f = F(loop=loop)
f.set_exception(RuntimeError("lost"))
del f
gc.collect()
f = F(loop=loop)
f.set_exception(RuntimeError("retrieved"))
f.exception()
del f
gc.collect()
print("debug mode:")
loop.set_debug(True)
f = F(loop=loop)
print(type(f._source_traceback).__name__, f._source_traceback[-1][2])
f.cancel()
loop.close()
