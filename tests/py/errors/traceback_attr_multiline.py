# Tracebacks point at an attribute by its name on its last line when the
# expression spans lines (CPython 3.11 places LOAD_ATTR/LOAD_METHOD/STORE_ATTR there).
import traceback
def run(f):
    try:
        f()
    except Exception:
        print(traceback.format_exc().splitlines()[-3:])
def a():
    (None
        .method
    )()
def b():
    x = None
    x.y = (1,
           2)
def c():
    return (None
            .attr)
def d():
    obj = object()
    (obj
       .missing)(1,
                 2)
def e():
    None.é
def f():
    (None
      .é)
for fn in (a, b, c, d, e, f):
    run(fn)
