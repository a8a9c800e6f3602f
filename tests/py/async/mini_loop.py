# A miniature asyncio: Futures whose __await__ yields themselves, Tasks that
# drive coroutines, a ready queue and call_soon, gather, and timeouts by ticks.
import collections


class CancelledError(BaseException):
    pass


class Future:
    def __init__(self, loop):
        self.loop = loop
        self.done = False
        self.result = None
        self.exc = None
        self.callbacks = []

    def set_result(self, v):
        self.done, self.result = True, v
        for cb in self.callbacks:
            self.loop.call_soon(cb, self)

    def set_exception(self, e):
        self.done, self.exc = True, e
        for cb in self.callbacks:
            self.loop.call_soon(cb, self)

    def add_done_callback(self, cb):
        if self.done:
            self.loop.call_soon(cb, self)
        else:
            self.callbacks.append(cb)

    def __await__(self):
        if not self.done:
            yield self
        if self.exc is not None:
            raise self.exc
        return self.result


class Task(Future):
    def __init__(self, loop, coro):
        super().__init__(loop)
        self.coro = coro
        self.cancel_requested = False
        loop.call_soon(self.step)

    def cancel(self):
        self.cancel_requested = True

    def step(self, fut=None):
        try:
            if self.cancel_requested:
                self.cancel_requested = False
                waited = self.coro.throw(CancelledError())
            else:
                waited = self.coro.send(None)
        except StopIteration as e:
            self.set_result(e.value)
        except CancelledError as e:
            self.set_exception(e)
        except Exception as e:
            self.set_exception(e)
        else:
            if waited is None:
                self.loop.call_soon(self.step)
            else:
                waited.add_done_callback(self.step)


class Loop:
    def __init__(self):
        self.ready = collections.deque()
        self.timers = []
        self.tick = 0

    def call_soon(self, fn, *args):
        self.ready.append((fn, args))

    def call_later(self, ticks, fn, *args):
        self.timers.append((self.tick + ticks, fn, args))

    def create_task(self, coro):
        return Task(self, coro)

    def run_until_complete(self, coro):
        task = self.create_task(coro)
        while not task.done:
            self.tick += 1
            due = [t for t in self.timers if t[0] <= self.tick]
            self.timers = [t for t in self.timers if t[0] > self.tick]
            for _, fn, args in due:
                self.ready.append((fn, args))
            for _ in range(len(self.ready)):
                fn, args = self.ready.popleft()
                fn(*args)
        if task.exc:
            raise task.exc
        return task.result


loop = Loop()


def sleep(ticks, value=None):
    f = Future(loop)
    loop.call_later(ticks, f.set_result, value)
    return f


async def gather(*aws):
    tasks = [loop.create_task(a) for a in aws]
    return [await t for t in tasks]


log = []


async def worker(name, n):
    for i in range(n):
        await sleep(1)
        log.append((name, i, loop.tick))
    return name * n


async def failing():
    await sleep(2)
    raise ValueError('worker failed')


async def sleeper():
    try:
        await sleep(100)
    except CancelledError:
        log.append('cancelled')
        raise
    finally:
        log.append('sleeper cleanup')


class Lock:
    def __init__(self):
        self.locked = False
        self.waiters = collections.deque()

    async def __aenter__(self):
        while self.locked:
            f = Future(loop)
            self.waiters.append(f)
            await f
        self.locked = True

    async def __aexit__(self, *exc):
        self.locked = False
        if self.waiters:
            self.waiters.popleft().set_result(None)


lock = Lock()


async def critical(name):
    async with lock:
        log.append(('enter', name))
        await sleep(1)
        log.append(('leave', name))


async def ticker(n):
    for i in range(n):
        await sleep(1)
        yield i


async def main():
    r = await gather(worker('a', 3), worker('b', 2))
    print('gather', r)
    try:
        await gather(failing(), worker('c', 1))
    except ValueError as e:
        print('caught', e)
    t = loop.create_task(sleeper())
    await sleep(1)
    t.cancel()
    await sleep(1)
    print('sleeper task exc', type(t.exc).__name__)
    await gather(critical('x'), critical('y'), critical('z'))
    got = [i async for i in ticker(3)]
    print('ticker', got)
    return 'main done at tick %d' % loop.tick


print(loop.run_until_complete(main()))
for entry in log:
    print(entry)
