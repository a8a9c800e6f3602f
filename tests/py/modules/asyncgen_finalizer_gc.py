# An async generator that dies suspended is handed to the finalizer hook of
# sys.set_asyncgen_hooks (asyncio schedules its aclose()); without a hook it
# is closed in place.  A finished or closed one is left alone.
import asyncio
import gc
import sys

calls = []

def finalizer(g):
    calls.append(("finalizer", g.__name__))
    try:
        g.aclose().send(None)
    except StopIteration:
        pass

async def agen(tag):
    try:
        yield 1
        yield 2
    finally:
        calls.append(("finally", tag))

async def plain(tag):          # no try block: only the hook can tell
    yield 1
    calls.append(("unreached", tag))

def start(g):
    try:
        g.__anext__().send(None)
    except StopIteration as e:
        return e.value

old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=lambda g: None, finalizer=finalizer)
print(start(agen("hooked")), start(plain("hooked")))
gc.collect()
print(sorted(calls))
calls.clear()

g = agen("closed")
start(g)
try:
    g.aclose().send(None)
except StopIteration:
    pass
del g
gc.collect()
print(calls)
calls.clear()

sys.set_asyncgen_hooks(*old)
print(start(agen("unhooked")))
gc.collect()
print(calls)
calls.clear()

# asyncio's own hook: the loop finalizes an abandoned generator
async def main():
    async def ticker():
        try:
            for i in range(10):
                yield i
        finally:
            calls.append("ticker closed")
    it = ticker()
    print(await it.__anext__(), await it.__anext__())
    del it
    gc.collect()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(calls)

asyncio.run(main())
