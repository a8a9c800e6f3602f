# test: skip-sanitize
# (AddressSanitizer handles SIGSEGV itself: a crash without faulthandler.enable()
# reports and exits 1 instead of dying by the signal.)
# faulthandler: tracebacks written to a descriptor on fatal signals, on
# demand, after a timeout and on user signals.
import faulthandler
import re
import signal
import subprocess
import sys
import tempfile


def show(text):
    return re.sub(r'[Tt]hread 0x[0-9a-f]+', 'thread 0xN', text).strip()


def inner(f):
    faulthandler.dump_traceback(file=f, all_threads=False)


def outer(f):
    inner(f)


with tempfile.TemporaryFile('w+') as f:
    outer(f)
    f.seek(0)
    print(f.read().replace(__file__, 'FILE'), end='')
print(faulthandler.is_enabled())
faulthandler.enable()
print(faulthandler.is_enabled(), faulthandler.disable(), faulthandler.disable())

for code in ['import faulthandler; faulthandler.enable(); faulthandler._sigsegv()',
             'import faulthandler\nfaulthandler.enable()\ndef f():\n    faulthandler._read_null()\nf()',
             'import faulthandler; faulthandler.enable(all_threads=False); faulthandler._sigabrt()',
             'import faulthandler; faulthandler._sigsegv()',
             'import faulthandler, sys; faulthandler.enable(sys.stdout); faulthandler._sigfpe()',
             'import faulthandler, time; faulthandler.dump_traceback_later(0.3, exit=True); time.sleep(5); print("no")',
             'import faulthandler, time; faulthandler.dump_traceback_later(0.2); '
             'faulthandler.cancel_dump_traceback_later(); time.sleep(0.4); print("cancelled")',
             'import faulthandler, os, signal; faulthandler.register(signal.SIGUSR1, all_threads=False); '
             'os.kill(os.getpid(), signal.SIGUSR1); '
             'print("after", faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1))',
             'import os, signal; os.kill(os.getpid(), signal.SIGSEGV)',
             ]:
    p = subprocess.run([sys.executable, '-X', 'faulthandler', '-c', 'pass'], capture_output=True, text=True)
    p = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True)
    print(p.returncode, repr(show(p.stdout)))
    print(show(p.stderr))

p = subprocess.run([sys.executable, '-X', 'faulthandler', '-c',
                    'import faulthandler; print(faulthandler.is_enabled(), flush=True); faulthandler._sigsegv()'],
                   capture_output=True, text=True)
print(p.returncode, p.stdout, show(p.stderr))

for bad in ['faulthandler.dump_traceback_later(0)', 'faulthandler.dump_traceback_later(-1)',
            'faulthandler.register(signal.SIGSEGV)', 'faulthandler.enable(file=-1)',
            'faulthandler.register(0)', 'faulthandler.dump_traceback_later("x")',
            'faulthandler.enable(file=object())', 'faulthandler.dump_traceback_later(1e300)']:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
