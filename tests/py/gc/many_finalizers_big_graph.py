# Thousands of objects with __del__ that die together with a big graph they
# all reach: finding which of them are in a cycle must not walk the graph
# once per object (that took minutes). Both in a collection and at exit.
import gc
import time


class Holder:
    deleted = 0

    def __del__(self):
        Holder.deleted += 1


def build(n, size):
    big = [[i] for i in range(size)]
    objs = [Holder() for _ in range(n)]
    for o in objs:
        o.big = big
    return objs


t0 = time.perf_counter()
objs = build(3000, 200000)
del objs
gc.collect()
print("collected:", Holder.deleted, "finalized")
print("fast enough:", time.perf_counter() - t0 < 20)

keep = build(3000, 200000)     # still held by the module at exit: finalized then
print("end")
