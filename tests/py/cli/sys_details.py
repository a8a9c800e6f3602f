# sys details a script can see: exit() with a tuple, orig_argv, flags and
# version_info that cannot be instantiated, a lost displayhook, and
# sys.tracebacklimit in the traceback the interpreter prints.
import subprocess
import sys

for status in [(42,), (1, 2), (), "msg", 3]:
    try:
        sys.exit(status)
    except SystemExit as e:
        print(repr(status), "->", repr(e.code), e.args)

out = subprocess.run([sys.executable, "-I", "-X", "utf8", "-c",
                      "import sys; print(sys.orig_argv[1:])", "arg"], capture_output=True, text=True)
print(out.stdout.strip())

for o in [sys.flags, sys.version_info, sys.float_info]:
    try:
        type(o)()
    except TypeError as e:
        print("TypeError:", e)
print(type(sys.int_info)(range(4)))

code = compile("42", "<string>", "single")
saved = sys.displayhook
del sys.displayhook
try:
    eval(code)
except RuntimeError as e:
    print("RuntimeError:", e)
finally:
    sys.displayhook = saved

PROG = """
import sys
sys.tracebacklimit = %s
def f1(): 1/0
def f2(): f1()
def f3(): f2()
f3()
"""
for limit in ["2", "1", "0", "-5", "'x'", "10**30", "None"]:
    r = subprocess.run([sys.executable, "-c", PROG % limit], capture_output=True, text=True)
    print(limit, r.returncode)
    print(r.stderr, end="")
