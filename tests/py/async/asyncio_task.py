# asyncio.Task as _asyncio implements it: stepping coroutines, results and
# exceptions, cancellation (messages, counts, a task cancelling itself, the
# future it waits for), names, reprs, current_task/all_tasks, the running
# loop functions, duck-typed futures, bad yields and subclasses.
import asyncio
import gc
import types
import weakref


def show(f, *args, **kwargs):
    try:
        print("  ->", repr(f(*args, **kwargs)))
    except BaseException as e:
        print("  !!", type(e).__name__, e)


T = asyncio.Task
print(T.__module__, T.__name__, T.__mro__[1].__name__, asyncio.tasks._CTask is T)
show(asyncio.get_running_loop)
print(asyncio._get_running_loop())


async def double(x):
    await asyncio.sleep(0)
    return 2 * x


async def fail():
    await asyncio.sleep(0)
    raise ValueError("bad value")


async def basics():
    loop = asyncio.get_running_loop()
    print("running loop:", loop is asyncio.get_event_loop(), loop is asyncio._get_running_loop())
    t = asyncio.create_task(double(21), name="doubler")
    print(repr(t).split(" coro=")[0], t.get_name(), t.done())
    print("awaited:", await t, repr(t).split(" coro=")[0])
    print(t.result(), t.exception(), t.get_coro().__name__, t.get_loop() is loop)
    t = asyncio.create_task(fail())
    try:
        await t
    except ValueError as e:
        print("task raised:", e, type(t.exception()).__name__)
    show(t.set_result, 1)
    show(t.set_exception, ValueError())
    t.set_name(1234)
    print(repr(t.get_name()))
    print(asyncio.current_task() in asyncio.all_tasks(), asyncio.current_task().get_name())
    print(await asyncio.gather(*(double(i) for i in range(5))))
    print(await asyncio.gather(fail(), double(1), return_exceptions=True))


async def cancelling():
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    print("cancel:", t.cancel("first"), t.cancelling(), t.cancel("second"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled with", e.args, t.cancelled())
    print("uncancel:", t.uncancel(), t.uncancel(), t.uncancel(), t.cancel())

    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("  stubborn caught the cancellation, cancelling:", asyncio.current_task().cancelling())
            asyncio.current_task().uncancel()
        return "survived"
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled())

    fut = asyncio.get_running_loop().create_future()
    async def waits_on_fut():
        await fut
    async def cancels_itself():
        inner = asyncio.create_task(waits_on_fut())
        await asyncio.sleep(0)
        asyncio.current_task().cancel("self")
        await inner
    t = asyncio.create_task(cancels_itself())
    try:
        await t
    except asyncio.CancelledError as e:
        print("self-cancel:", e.args, t.cancelled(), fut.cancelled())

    t = asyncio.create_task(double(1))
    t.cancel("before it started")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled before starting:", e.args)


class Duck:
    """Not an asyncio.Future, but awaitable the way tasks expect."""
    _asyncio_future_blocking = False

    def __init__(self, loop):
        self.loop = loop
        self.callbacks = []

    def get_loop(self):
        return self.loop

    def add_done_callback(self, fn, *, context=None):
        print("  Duck.add_done_callback, context given:", context is not None)
        self.callbacks.append(fn)

    def result(self):
        return "quack"

    def cancel(self, msg=None):
        return False

    def __await__(self):
        self._asyncio_future_blocking = True
        yield self
        return self.result()


async def ducks_and_bad_yields():
    loop = asyncio.get_running_loop()
    d = Duck(loop)
    t = asyncio.create_task(_await(d))
    await asyncio.sleep(0)
    for cb in d.callbacks:
        loop.call_soon(cb, d)
    print("duck:", await t)

    @types.coroutine
    def bad(value):
        yield value
    for value in (42, bad(1), Duck(loop)):
        t = asyncio.create_task(_await(bad(value)))
        try:
            await t
        except RuntimeError as e:
            print("bad yield:", str(e).split(" in task ")[0].split(":")[0])

    async def self_await():
        await asyncio.current_task()
    try:
        await asyncio.create_task(self_await())
    except RuntimeError as e:
        print(str(e).split(":")[0])

    other = asyncio.new_event_loop()
    foreign = other.create_future()
    try:
        await asyncio.create_task(_await(foreign))
    except RuntimeError as e:
        print("foreign:", str(e).endswith("attached to a different loop"))
    other.close()


async def _await(x):
    return await x


async def subclasses():
    class MyTask(asyncio.Task):
        pass
    loop = asyncio.get_running_loop()
    t = MyTask(double(5), loop=loop, name="mine")
    t.note = "has a dict"
    print(repr(t).split(" coro=")[0], await t, t.note, weakref.ref(t)() is t)
    show(T, 42, loop=loop)
    show(T, None, loop=loop)


def main():
    asyncio.run(basics())
    asyncio.run(cancelling())
    asyncio.run(ducks_and_bad_yields())
    asyncio.run(subclasses())

    loop = asyncio.new_event_loop()
    loop.set_exception_handler(lambda lp, ctx: print("handler:", ctx["message"]))
    t = loop.create_task(fail())
    loop.run_until_complete(asyncio.sleep(0.01))
    del t
    gc.collect()
    t = loop.create_task(asyncio.sleep(1))
    loop.run_until_complete(asyncio.sleep(0))
    del t
    gc.collect()
    loop.close()

    print(asyncio._get_running_loop(), asyncio.tasks._all_tasks is asyncio.tasks._c_register_task.__self__._all_tasks
          if hasattr(asyncio.tasks._c_register_task, "__self__") else "-")
    show(asyncio.current_task)


main()
