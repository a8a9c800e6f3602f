# File names that are not UTF-8 survive every trip through the OS: listdir
# decodes them with surrogateescape (as os.fsdecode), the names it returns open
# the same files, os.fsencode gives the bytes back; sys.argv and os.environ
# too.  A str with a surrogate that is not an escaped byte cannot be a name.
import os
import sys

d = '/tmp/gilpy_fsenc_%d' % os.getpid()
os.mkdir(d)
raw = [b'caf\xe9.txt', b'ok\xc3\xa9', b'\xff\xfe', b'a\xed\xa0\x80b']
try:
    for i, r in enumerate(raw):
        with open(os.fsencode(d) + b'/' + r, 'w') as f:
            f.write(str(i))
    names = sorted(os.listdir(d))
    print([ascii(n) for n in names])
    print(sorted(os.listdir(os.fsencode(d))))
    for n in names:
        p = os.path.join(d, n)
        with open(p) as f:
            text = f.read()
        print(ascii(n), os.path.exists(p), text, os.fsencode(n), os.fsdecode(os.fsencode(n)) == n,
              os.stat(p).st_size, os.fsencode(n) in raw)
    for bad in [d + '/\ud800', d + '/a\udc7fb', d + '/x\U0001f600\udcff']:
        try:
            open(bad)
        except OSError as e:
            print(type(e).__name__, ascii(e.filename) == ascii(bad))
        except UnicodeEncodeError as e:
            print('UnicodeEncodeError', e.start - len(d), e.end - len(d), e.reason)
        try:
            os.stat(bad)
        except OSError as e:
            print(type(e).__name__)
        except UnicodeEncodeError as e:
            print('UnicodeEncodeError', e.start - len(d), e.end - len(d), e.reason)
    for bad in [b'a\0b', 'a\0b']:
        try:
            open(bad)
        except ValueError as e:
            print('ValueError', e)
    print(ascii(os.fsdecode(b'\xe8\xba(')), os.fsencode('\udce8\udcba('), os.fsencode('é'))
    print(ascii(os.path.basename(os.fsdecode(b'/x/\xff'))))
finally:
    for n in os.listdir(os.fsencode(d)):
        os.remove(os.fsencode(d) + b'/' + n)
    os.rmdir(d)
    print('cleaned', not os.path.exists(d))

# argv and the environment, through a child process
sys.stdout.flush()
os.environ['GILPY_FS_TEST'] = os.fsdecode(b'v\xff\xc3\xa9')
os.system("%s -c 'import os, sys; print(ascii(sys.argv[1:]), [os.fsencode(a) for a in sys.argv[1:]],"
          " ascii(os.environ[\"GILPY_FS_TEST\"]))' \"$(printf '\\377')\" \"$(printf 'a\\351b')\" ok"
          % sys.executable)
