# NameError, UnboundLocalError
try:
    undefined_thing
except NameError as e:
    print(type(e).__name__, e)
def f():
    print(x)
    x = 1
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
try:
    del never_defined
except NameError as e:
    print(type(e).__name__, e)
def g():
    def h():
        return free
    try:
        return h()
    except NameError as e:
        return str(e)
    free = 1
print(g())
print(issubclass(UnboundLocalError, NameError))
