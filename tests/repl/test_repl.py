#!/usr/bin/env python3
"""Drive gilpy's REPL through a real pseudo-terminal (python3's pty module).

    tests/repl/test_repl.py [--gilpy PATH] [-v] [FILTER...]

Each test starts `gilpy` with a pty as its terminal (stdin, stdout, stderr),
types lines the way a person would and waits for the text the REPL must show.
HOME and GILPY_HISTFILE point into a fresh temporary directory, so the user's
history is never touched.  The expectations follow what python3 shows for the
same keystrokes (banner and readline details aside).  Prints one line per
test and exits 1 if any failed.  Whole run: a few seconds.
"""
import argparse
import os
import pathlib
import pty
import re
import select
import signal
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parents[1].parent
TIMEOUT = 30.0   # generous: CI machines are shared and noisy
ANSI = re.compile(r'\x1b\[[0-9;?]*[A-Za-z]')


class Repl:
    """One gilpy process on a pty; `expect` waits for a regex in its output."""

    def __init__(self, gilpy, home, args=()):
        env = {k: v for k, v in os.environ.items() if not k.startswith(('GILPY', 'PYTHON'))}
        env.update(HOME=home, GILPY_HISTFILE=os.path.join(home, 'hist'), TERM='xterm',
                   LC_ALL='C.UTF-8', INPUTRC='/dev/null')
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            # Ctrl-C as a terminal's shell gives it: a harness started in the
            # background inherits SIGINT ignored, which gilpy (as python3) keeps
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.execve(gilpy, [gilpy, *args], env)
        self.raw = b''
        self.out = ''
        self.seen = 0

    def read(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return False
        try:
            data = os.read(self.fd, 4096)
        except OSError:
            return None
        if not data:
            return None
        self.raw += data
        # readline's bracketed-paste and cursor codes, and the tty's \r, are noise
        self.out = ANSI.sub('', self.raw.decode('utf-8', 'replace')).replace('\r', '')
        return True

    def expect(self, pattern, timeout=TIMEOUT):
        """Wait for pattern after what earlier expects consumed; the match."""
        rx = re.compile(pattern)
        end = time.monotonic() + timeout
        while True:
            m = rx.search(self.out, self.seen)
            if m:
                self.seen = m.end()
                return m
            left = end - time.monotonic()
            if left <= 0 or self.read(left) is None:
                tail = self.out[self.seen:][-400:]
                raise AssertionError(f'expected {pattern!r}; output since last match:\n{tail}')

    def send(self, text):
        os.write(self.fd, text.encode())

    def line(self, text):
        self.send(text + '\r')

    def close(self):
        """Ctrl-D and wait; the exit status."""
        try:
            self.send('\x04')
        except OSError:
            pass
        end = time.monotonic() + TIMEOUT
        while time.monotonic() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            self.read(0.05)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        raise AssertionError('gilpy did not exit after Ctrl-D')


PROMPT = r'>>> '


def t_banner_and_value(r):
    r.expect(r'gilpy \d+\.\d+\.\d+ \(Python 3\.11\.7\).* gil=\w+\n')
    r.expect(PROMPT)
    r.line('6 * 7')
    r.expect(r'\n42\n>>> ')
    r.line('_ + 1')
    r.expect(r'\n43\n>>> ')
    r.line("'a' + 'b'")
    r.expect(r"\n'ab'\n>>> ")
    r.line('None')
    r.expect(r'None\n>>> ')


def t_multiline_function(r):
    r.expect(PROMPT)
    r.line('def f(x):')
    r.expect(r'\.\.\. ')
    r.line('    y = x * 2')
    r.expect(r'\.\.\. ')
    r.line('    return y + 1')
    r.expect(r'\.\.\. ')
    r.line('')
    r.expect(PROMPT)
    r.line('f(20)')
    r.expect(r'\n41\n>>> ')
    r.line('x = (1,')
    r.expect(r'\.\.\. ')
    r.line('     2)')
    r.expect(PROMPT)
    r.line('x')
    r.expect(r'\(1, 2\)\n>>> ')


def t_multiline_match(r):
    # a match statement asks for its cases; `match` alone is still a name
    r.expect(PROMPT)
    r.line('match [1, 2]:')
    r.expect(r'\.\.\. ')
    r.line('    case [a, b] if a < b:')
    r.expect(r'\.\.\. ')
    r.line('        print("ascending", a, b)')
    r.expect(r'\.\.\. ')
    r.line('    case _:')
    r.expect(r'\.\.\. ')
    r.line('        print("other")')
    r.expect(r'\.\.\. ')
    r.line('')
    r.expect(r'\nascending 1 2\n>>> ')
    r.line('match = 5')
    r.expect(PROMPT)
    r.line('match')
    r.expect(r'\n5\n>>> ')


def t_exception_keeps_repl(r):
    r.expect(PROMPT)
    r.line('1 / 0')
    r.expect(r'Traceback \(most recent call last\):\n  File "<stdin>", line 1, in <module>\n'
             r'ZeroDivisionError: division by zero\n>>> ')
    r.line('1 +')
    r.expect(r'SyntaxError: invalid syntax\n>>> ')
    r.line('print("alive")')
    r.expect(r'\nalive\n>>> ')


def t_ctrl_c_cancels_line(r):
    r.expect(PROMPT)
    r.send('print("dropped")')
    r.expect('dropped')
    r.send('\x03')
    r.expect(r'\nKeyboardInterrupt\n>>> ')
    r.line('def g():')
    r.expect(r'\.\.\. ')
    r.send('\x03')
    r.expect(r'KeyboardInterrupt\n>>> ')
    r.line('print("after")')
    r.expect(r'\nafter\n>>> ')
    assert 'dropped\n' not in r.out.replace('print("dropped")', ''), 'the cancelled line ran'


def t_ctrl_c_stops_running_code(r):
    r.expect(PROMPT)
    r.line('while True: pass')
    r.expect(r'\.\.\. ')
    r.line('')
    time.sleep(0.3)
    r.send('\x03')
    r.expect(r'Traceback \(most recent call last\):\n  File "<stdin>", line 1, in <module>\n'
             r'KeyboardInterrupt\n>>> ')
    r.line('print("still here")')
    r.expect(r'\nstill here\n>>> ')


def t_tab_completes_attribute(r):
    r.expect(PROMPT)
    r.line('import math')
    r.expect(PROMPT)
    r.send('math.sq\t')
    r.expect(r'math\.sqrt\(')      # a callable gets "(" as with rlcompleter
    r.line('16)')
    r.expect(r'\n4\.0\n>>> ')
    r.send('pri\t')
    r.expect('print')
    r.line('"done")')
    r.expect(r'\ndone\n>>> ')


def t_thread_prints_while_waiting(r):
    r.expect(PROMPT)
    r.line('import threading, time')
    r.expect(PROMPT)
    r.line('t = threading.Thread(target=lambda: (time.sleep(0.3), print("from-thread")))')
    r.expect(PROMPT)
    r.line('t.start()')
    r.expect(PROMPT)
    r.expect('from-thread')      # printed while the prompt waits for a line
    r.line('t.join(); print("joined")')
    r.expect(r'\njoined\n')


def t_exit_leaves(r):
    r.expect(PROMPT)
    r.line('exit(3)')


def run_history(gilpy, home):
    """Two sessions: a line typed in the first comes back with Up in the second."""
    r = Repl(gilpy, home)
    r.expect(PROMPT)
    r.line('hist_marker = 12345')
    r.expect(PROMPT)
    assert r.close() == 0
    text = pathlib.Path(home, 'hist').read_text()
    assert 'hist_marker = 12345' in text, f'history file holds {text!r}'
    r = Repl(gilpy, home)
    r.expect(PROMPT)
    r.send('\x1b[A')               # Up arrow
    r.expect('hist_marker = 12345')
    r.line('')
    r.expect(PROMPT)
    r.line('hist_marker + 1')
    r.expect(r'\n12346\n')
    assert r.close() == 0


SESSIONS = [
    ('banner_and_value', t_banner_and_value, 0),
    ('multiline_function', t_multiline_function, 0),
    ('multiline_match', t_multiline_match, 0),
    ('exception_keeps_repl', t_exception_keeps_repl, 0),
    ('ctrl_c_cancels_line', t_ctrl_c_cancels_line, 0),
    ('ctrl_c_stops_running_code', t_ctrl_c_stops_running_code, 0),
    ('tab_completes_attribute', t_tab_completes_attribute, 0),
    ('thread_prints_while_waiting', t_thread_prints_while_waiting, 0),
    ('exit_leaves', t_exit_leaves, 3),
]


def run_one(name, fn, want_rc, gilpy):
    with tempfile.TemporaryDirectory() as home:
        if fn is None:
            run_history(gilpy, home)
            return
        r = Repl(gilpy, home)
        try:
            fn(r)
            rc = r.close()
        except BaseException:
            try:
                os.kill(r.pid, signal.SIGKILL)
                os.waitpid(r.pid, 0)
            except OSError:
                pass
            raise
        assert rc == want_rc, f'exit status {rc}, expected {want_rc}'


def threading_works(gilpy):
    import subprocess
    p = subprocess.run([gilpy, '-c', 'import threading'], stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=TIMEOUT)
    return p.returncode == 0


def has_readline(gilpy):
    """Tab completion and history need readline: read the build's config.h."""
    config = pathlib.Path(gilpy).parent / 'config.h'
    return not config.exists() or 'GILPY_HAVE_READLINE 1' in config.read_text()


READLINE_ONLY = ('tab_completes_attribute', 'history_survives_restart')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', default=str(REPO / 'build' / 'gilpy'))
    ap.add_argument('-v', '--verbose', action='store_true')
    ap.add_argument('filters', nargs='*')
    args = ap.parse_args()
    gilpy = str(pathlib.Path(args.gilpy).resolve())
    if not os.access(gilpy, os.X_OK):
        print(f'test_repl.py: {gilpy} is not an executable', file=sys.stderr)
        return 2
    tests = SESSIONS + [('history_survives_restart', None, 0)]
    passed = failed = 0
    for name, fn, rc in tests:
        if args.filters and not any(f in name for f in args.filters):
            continue
        if name in READLINE_ONLY and not has_readline(gilpy):
            print(f'skip {name}: built without readline')
            continue
        if 'thread' in name and not threading_works(gilpy):
            print(f'skip {name}: `import threading` fails in this build')
            continue
        try:
            run_one(name, fn, rc, gilpy)
            passed += 1
            print(f'ok   {name}')
        except AssertionError as e:
            failed += 1
            print(f'FAIL {name}: {e}')
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
