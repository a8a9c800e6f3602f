# Output is never lost silently at exit: a flush of sys.stdout that fails (a
# full disk, a pipe nobody reads) is reported as "Exception ignored in:
# <stdout>" and the exit status is 120, as in CPython; PYTHONUNBUFFERED and -u
# write every print at once (kept before os._exit); lone surrogates go through
# the stream's codec and errors instead of out as invalid UTF-8.
import os
import sys

EXE = sys.executable
TMP = '/tmp/gilpy_lost_%d' % os.getpid()


def sh(cmd, show_out=False):
    """Run cmd (EXE for the interpreter) with stderr (and stdout) captured."""
    sys.stdout.flush()
    redirect = '' if '>' in cmd.split("'")[-1] else ' >%s.out' % TMP
    status = os.system('%s%s 2>%s.err' % (cmd.replace('EXE', EXE), redirect, TMP))
    with open(TMP + '.err') as f:
        err = f.read().replace(EXE, 'EXE').replace('python3', 'EXE').replace('gilpy', 'EXE')
    print('exit', os.waitstatus_to_exitcode(status))
    for line in err.splitlines():
        print('   ', line)
    if show_out:
        with open(TMP + '.out', 'rb') as f:
            print('    stdout:', f.read())


# a full disk: buffered output, the exit status of sys.exit, a failed flush
sh("EXE -c 'print(\"a\")' >/dev/full")
sh("EXE -c 'import sys; print(\"a\"); sys.exit(3)' >/dev/full")
sh("EXE -c 'print(\"a\" * 100000)' >/dev/full")
sh("EXE -c 'import sys; sys.stdout.write(\"x\"); sys.stdout.flush()' >/dev/full")
sh("EXE -c 'import sys; print(\"a\"); sys.stdout = None' >/dev/full")
sh("EXE -c 'import os; print(\"a\"); os._exit(0)' >/dev/full")
sh("EXE -u -c 'print(\"a\")' >/dev/full")
sh("EXE -c 'import sys; print(\"x\", file=sys.stderr)' >/dev/full")
# stdout closed at start-up: sys.stdout is None and print() writes nothing
sh("EXE -c 'import sys; print(1); print(sys.stdout, file=sys.stderr)' >&-")

# a pipe whose reader is gone (SIGPIPE is ignored: BrokenPipeError)
r, w = os.pipe()
os.close(r)
sys.stdout.flush()
sys.stderr.flush()
pid = os.fork()
if pid == 0:
    os.dup2(w, 1)
    os.dup2(os.open(TMP + '.err', os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
    print("into a pipe nobody reads")
    sys.exit(0)
os.close(w)
_, status = os.waitpid(pid, 0)
with open(TMP + '.err') as f:
    print('broken pipe: exit', os.waitstatus_to_exitcode(status), f.read().splitlines())

# PYTHONUNBUFFERED (non-empty) and -u: written at once, kept before os._exit
prog = "'import os, sys; print(\"kept\"); sys.stdout.write(\"no newline\"); os._exit(0)'"
for env in ['PYTHONUNBUFFERED=1 ', 'PYTHONUNBUFFERED=x ', 'PYTHONUNBUFFERED= ', '']:
    for flags in ['', '-u ', '-E ']:
        print(repr(env + flags), end=' ')
        sh(env + 'EXE ' + flags + '-c ' + prog, show_out=True)

# lone surrogates on the standard streams: the C.UTF-8 locale's surrogateescape
# for stdout and stdin, backslashreplace for stderr, PYTHONIOENCODING overrides
sh("EXE -c 'print(\"a\\udcffb\")'", show_out=True)
sh("EXE -c 'print(\"a\\ud800b\")'", show_out=True)
sh("EXE -c 'print(\"x\", \"\\ud800\\udc00\", \"y\")'", show_out=True)
sh("EXE -c 'import sys; sys.stderr.write(\"e\\ud800\\udcff\\n\")'")
sh("PYTHONIOENCODING=utf-8:strict EXE -c 'print(\"a\\udcffb\")'", show_out=True)
sh("PYTHONIOENCODING=:backslashreplace EXE -c 'print(\"a\\udcffb\\ud800\")'", show_out=True)
sh("PYTHONIOENCODING=latin-1 EXE -c 'import sys; print(\"\\xe9\", sys.stdout.encoding, "
   "sys.stdout.errors, sys.stderr.encoding, sys.stderr.errors)'", show_out=True)
sh("PYTHONIOENCODING=latin-1:replace EXE -c 'print(\"\\u20ac\\xe9\")'", show_out=True)
sh("PYTHONIOENCODING=latin-1 EXE -c 'print(\"\\u20ac\")'", show_out=True)
sh("EXE -c 'import sys; print(sys.stdout.errors, sys.stdin.errors, sys.stderr.errors)'",
   show_out=True)
sh("printf 'a\\377b\\n' | EXE -c 'import sys; print(ascii(sys.stdin.read()))'", show_out=True)

# files: strict by default, every handler on request
path = TMP + '.txt'
for errors in [None, 'strict', 'surrogateescape', 'surrogatepass', 'replace', 'ignore',
               'backslashreplace', 'xmlcharrefreplace', 'namereplace']:
    for enc in ['utf-8', 'latin-1']:
        try:
            with open(path, 'w', encoding=enc, errors=errors) as f:
                f.write('a\udcff\u20acb')
            with open(path, 'rb') as f:
                print(errors, enc, f.read())
        except UnicodeEncodeError as e:
            print(errors, enc, 'UnicodeEncodeError', e)
with open(path, 'wb') as f:
    f.write(b'x\xffy\n')
with open(path, errors='surrogateescape') as f:
    print(ascii(f.read()))
with open(path) as f:
    try:
        f.read()
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError', e)
for ext in ['.out', '.err', '.txt']:
    os.remove(TMP + ext)
