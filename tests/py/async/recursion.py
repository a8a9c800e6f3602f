# Unbounded await recursion is a RecursionError, never a crash.
# test: skip-gc-stress
async def r(n):
    return await r(n + 1)
try:
    r(0).send(None)
except RecursionError as e:
    print("RecursionError", e)
async def deep(n):
    if n == 0: return 0
    return 1 + await deep(n - 1)
try:
    deep(300).send(None)
except StopIteration as e:
    print(e.value)
async def ag():
    async for x in ag():
        yield x
try:
    ag().__anext__().send(None)
except RecursionError as e:
    print("RecursionError", e)
