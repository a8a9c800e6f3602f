# open() argument checking and file errors
import os
fn = '_file_errors.tmp'
open(fn, 'w').close()
for mode in ['rw', 'q', 'rr', 'bt', '', 'U', 'wb+x']:
    try:
        open(fn, mode)
    except ValueError as e:
        print(repr(mode), type(e).__name__, e)
for kw in [dict(encoding='utf-8'), dict(errors='strict'), dict(newline='')]:
    try:
        open(fn, 'rb', **kw)
    except ValueError as e:
        print(type(e).__name__, e)
for args in [(fn, 'r', 0), (3.5,), (fn, 'r', -1, None, None, 'x')]:
    try:
        open(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    open('_missing_dir/x.txt')
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e)
try:
    open(fn, 'x')
except FileExistsError as e:
    print(type(e).__name__, e)
try:
    open('.', 'r')
except IsADirectoryError as e:
    print(type(e).__name__, e)
try:
    open(fn, closefd=False)
except ValueError as e:
    print(type(e).__name__, e)
f = open(fn, 'w')
for name, args in [('read', ()), ('readline', ()), ('write', (5,)), ('seek', (1, 1)), ('readlines', ())]:
    try:
        getattr(f, name)(*args)
    except (OSError, ValueError, TypeError) as e:
        print(name, type(e).__name__, e)
f.close()
print(repr(f))
for name, args in [('read', ()), ('write', ('x',)), ('tell', ()), ('flush', ()), ('__iter__', ()), ('__enter__', ())]:
    try:
        getattr(f, name)(*args)
    except ValueError as e:
        print(name, type(e).__name__, e)
with open(fn) as f:
    for args in [(1, 2), (-1,), (0, 3)]:
        try:
            f.seek(*args)
        except (OSError, ValueError) as e:
            print(args, type(e).__name__, e)
    try:
        f.read('x')
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        f.write('x')
    except OSError as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
with open(fn, 'wb') as f:
    f.write(b'\xff\xfeok\n')
try:
    with open(fn) as f:
        f.read()
except UnicodeDecodeError as e:
    print(type(e).__name__)
with open(fn, errors='replace') as f:
    print(ascii(f.read()))
with open(fn, encoding='latin-1') as f:
    print(ascii(f.read()))
os.remove(fn)
