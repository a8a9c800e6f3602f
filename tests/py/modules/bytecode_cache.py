# The bytecode cache: __pycache__/NAME.<cache_tag>.pyc, CPython's .pyc header
# (magic, flags, source mtime and size), rewritten when the source changes,
# not written under -B, PYTHONDONTWRITEBYTECODE or sys.dont_write_bytecode.
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time

root = tempfile.mkdtemp()
d = os.path.join(root, 'a')
os.mkdir(d)
src = os.path.join(d, 'mod.py')
cache = importlib.util.cache_from_source(src)
print(os.path.relpath(cache, d) == os.path.join('__pycache__', 'mod.%s.pyc' % sys.implementation.cache_tag))

env = dict(os.environ)
env.pop('PYTHONDONTWRITEBYTECODE', None)


def write(text):
    with open(src, 'w') as f:
        f.write(text)


def run(code, *opts, cwd=None, **extra):
    e = dict(env, **extra)
    p = subprocess.run([sys.executable, *opts, '-c', code], cwd=cwd or d, env=e,
                       capture_output=True, text=True)
    out = p.stdout.strip()
    if p.returncode:
        out += ' | exit %d: %s' % (p.returncode, p.stderr.strip().splitlines()[-1])
    return out


def header_ok():
    with open(cache, 'rb') as f:
        data = f.read()
    st = os.stat(src)
    return (data[:4] == importlib.util.MAGIC_NUMBER, data[4:8],
            int.from_bytes(data[8:12], 'little') == int(st.st_mtime) & 0xFFFFFFFF,
            int.from_bytes(data[12:16], 'little') == st.st_size)


write('X = 1\ndef f():\n    return "one", X\n')
print(run('import mod; print(mod.f())'), os.path.exists(cache))
print(header_ok())
print(run('import mod; print(mod.f(), mod.__cached__ == %r)' % cache))

# A changed source (another size) is compiled again and cached anew.
write('X = 22\ndef f():\n    return "two", X, [i * i for i in range(3)]\n')
print(run('import mod; print(mod.f())'), header_ok())

# Same size, another time stamp: still noticed.
time.sleep(1.1)
write('X = 33\ndef f():\n    return "two", X, [i * i for i in range(3)]\n')
print(run('import mod; print(mod.f())'), header_ok())

# A cache file cut short is ignored and replaced.
with open(cache, 'wb') as f:
    f.write(b'junk')
print(run('import mod; print(mod.f())'), header_ok())

# Writing turned off: -B, PYTHONDONTWRITEBYTECODE, sys.dont_write_bytecode.
for opts, extra, pre in [(('-B',), {}, ''), ((), {'PYTHONDONTWRITEBYTECODE': '1'}, ''),
                         ((), {}, 'import sys; sys.dont_write_bytecode = True; ')]:
    if os.path.exists(cache):
        os.remove(cache)
    print(run(pre + 'import sys, mod; print(mod.f(), sys.dont_write_bytecode)', *opts, **extra),
          os.path.exists(cache))

# -B still reads a cache that is there.
print(run('import mod; print(mod.f())'), os.path.exists(cache))
print(run('import mod; print(mod.X)', '-B'))

# A module that does not compile leaves no cache; the error is the source's.
bad = os.path.join(d, 'bad.py')
with open(bad, 'w') as f:
    f.write('def f(:\n    pass\n')
print(run('import bad'), os.path.exists(importlib.util.cache_from_source(bad)))

# Packages and submodules are cached beside their sources.
pkg = os.path.join(d, 'pkg')
os.mkdir(pkg)
with open(os.path.join(pkg, '__init__.py'), 'w') as f:
    f.write('from . import sub\n')
with open(os.path.join(pkg, 'sub.py'), 'w') as f:
    f.write('Y = "sub"\n')
print(run('import pkg; print(pkg.sub.Y)'),
      os.path.exists(importlib.util.cache_from_source(os.path.join(pkg, '__init__.py'))),
      os.path.exists(importlib.util.cache_from_source(os.path.join(pkg, 'sub.py'))))

# A tree moved with its caches: code objects name the new place.
moved = os.path.join(root, 'b')
shutil.copytree(d, moved)
print(run('import mod; print(mod.f.__code__.co_filename == %r)' % os.path.join(moved, 'mod.py'), cwd=moved))

# py_compile writes the file the import reads.
os.remove(cache)
import py_compile
print(py_compile.compile(src) == cache, header_ok())
print(run('import mod; print(mod.f())'))
shutil.rmtree(root)
