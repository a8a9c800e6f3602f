# sys.unraisablehook gets the errors of __del__ and of generators closed by the collector
import sys
print(sys.unraisablehook is sys.__unraisablehook__, sys.unraisablehook.__name__)
seen = []
def hook(u):
    seen.append((u.exc_type, str(u.exc_value), u.exc_traceback is not None, u.err_msg, u.object == Leaker.__del__))
class Leaker:
    def __del__(self):
        raise RuntimeError("del failed")
old = sys.unraisablehook
sys.unraisablehook = hook
l = Leaker(); del l
import gc; gc.collect()
sys.unraisablehook = old
print(seen)
def f():
    try:
        yield
    except GeneratorExit:
        yield "x"
sys.unraisablehook = hook
g = f(); next(g); del g; gc.collect()
sys.unraisablehook = old
try: sys.__unraisablehook__(1)
except TypeError as e: print(e)
