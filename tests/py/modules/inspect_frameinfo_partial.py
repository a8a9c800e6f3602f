# inspect.getframeinfo (dis.Positions) and iscoroutinefunction through partials
# (functools._unwrap_partial).
import inspect, functools, dis
def f():
    return inspect.getframeinfo(inspect.currentframe())
i = f()
print(i.function, i.lineno, i.code_context, type(i.positions).__name__, i.positions.lineno)
print(dis.Positions(), dis.Positions(1, 2))
async def co(): pass
p = functools.partial(functools.partial(co))
print(inspect.iscoroutinefunction(co), inspect.iscoroutinefunction(p), functools._unwrap_partial(p) is co)
async def g(): pass; print(1)
print(inspect.iscoroutinefunction(g))
