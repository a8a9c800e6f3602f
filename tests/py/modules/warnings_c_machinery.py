# The warnings machinery in C (_warnings) under CPython's warnings.py: one
# filter list, registries, actions, C-level warnings, and the command line
# (-W, -b, -X dev, PYTHONWARNINGS, PYTHONDEVMODE) that builds sys.warnoptions.
import os
import subprocess
import sys
import warnings
import _warnings

print(_warnings.filters is warnings.filters, warnings.warn is _warnings.warn)
print(warnings.filters[:5] == [
    ('default', None, DeprecationWarning, '__main__', 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0)])

def shown(action, *calls):
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter(action)
        for text, cat, line in calls:
            warnings.warn_explicit(text, cat, "f.py", line, registry=registry)
    return [(str(w.message), w.category.__name__, w.lineno) for w in log]

registry = {}
calls = [("a", UserWarning, 1), ("a", UserWarning, 1), ("a", UserWarning, 2), ("b", RuntimeWarning, 1)]
for action in ("default", "always", "module", "once", "ignore"):
    registry = {}
    print(action, shown(action, *calls))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", repr(e))
    class W(UserWarning):
        pass
    try:
        warnings.warn(W("instance"))
    except W as e:
        print("raised", repr(e))

for bad in [("x", 5), ("x", int)]:
    try:
        warnings.warn(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    warnings.warn_explicit("x", UserWarning, 5, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    warnings.warn_explicit("x", UserWarning, "f", 1, registry=5)
except TypeError as e:
    print("TypeError:", e)
with warnings.catch_warnings():
    warnings.filters[:] = [("bogus", None, Warning, None, 0)]
    warnings._filters_mutated()
    try:
        warnings.warn("x")
    except RuntimeError as e:
        print("RuntimeError:", str(e).splitlines()[0])
    warnings.filters[:] = ["nope"]
    try:
        warnings.warn("x")
    except ValueError as e:
        print("ValueError:", e)

# the module registry and stacklevel
def helper():
    warnings.warn("from helper", UserWarning, stacklevel=2)
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    helper()
    warnings.warn("deep", UserWarning, stacklevel=50)
print([(os.path.basename(w.filename), w.lineno) for w in log])

# what a child prints: C-level warnings without warnings.py, and the command line
def child(args, code, **env):
    e = dict(os.environ)
    e.pop("PYTHONWARNINGS", None)
    e.pop("PYTHONDEVMODE", None)
    e.update(env)
    r = subprocess.run([sys.executable, *args, "-c", code], capture_output=True, text=True, env=e)
    return r.returncode, r.stdout.strip(), r.stderr.strip().splitlines()[-1:] 

opts = "import sys; print(sys.warnoptions, sys.flags.bytes_warning, sys.flags.dev_mode)"
print(child(["-b"], opts))
print(child(["-bb", "-W", "ignore::UserWarning"], opts))
print(child(["-X", "dev", "-W", "error"], opts))
print(child(["-W", "default"], opts, PYTHONWARNINGS="ignore,error::DeprecationWarning"))
print(child(["-E"], opts, PYTHONWARNINGS="error", PYTHONDEVMODE="1"))
print(child([], opts, PYTHONDEVMODE="1"))
print(child([], "import warnings; warnings.warn('x'); print('after')", PYTHONWARNINGS="error"))
print(child(["-W", "error::SyntaxWarning"], "compile('x is 1', 'f', 'eval')"))
print(child([], "compile('x is 1', 'f', 'eval')"))
