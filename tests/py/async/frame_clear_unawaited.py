# frame.clear() on an unstarted coroutine warns "was never awaited" at once (a
# warning turned into an error goes to sys.unraisablehook with the coroutine).
import warnings, gc
async def f():
    pass
gen = f()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    gen.cr_frame.clear()
print([str(x.message) for x in w], [x.category.__name__ for x in w])
gen.close()
gc.collect()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    gen2 = f()
    fr = gen2.cr_frame
    gen2.send(None) if False else None
    try:
        gen2.send(None)
    except StopIteration:
        print('done')
    fr.clear()
print(len(w))
import sys
seen = []
sys.unraisablehook = lambda u: seen.append((u.exc_type.__name__, str(u.exc_value), u.object is g3))
with warnings.catch_warnings():
    warnings.simplefilter('error')
    g3 = f()
    g3.cr_frame.clear()
print(seen)
